package id.outletkiosk.server;

/** An error answer in Django REST framework's shape: {@code {"detail": "..."}} with a status code. */
final class DrfError extends RuntimeException {
    private final int status;

    DrfError(int status, String detail) {
        super(detail);
        this.status = status;
    }

    int status() {
        return status;
    }
}
