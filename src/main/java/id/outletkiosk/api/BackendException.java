package id.outletkiosk.api;

/**
 * A server could not give us what we asked for. The message is one line a person can act on; it never
 * carries the token.
 */
public class BackendException extends Exception {
    /** What kind of failure, so callers can decide to retry, fall back or tell a manager. */
    public enum Problem {
        /** Connection refused, no route, unknown host. */
        UNREACHABLE,
        /** The server stayed silent longer than the configured timeouts. */
        TIMEOUT,
        /** The connection broke off mid-answer. */
        BROKEN_CONNECTION,
        /** 401 or 403: the token is missing, wrong or expired. */
        AUTH,
        /** A 4xx refusal of this request (bad product, closed outlet): sending it again will not help. */
        REJECTED,
        /** Any other non-2xx answer (5xx, 408, 429): the server may recover. */
        HTTP_STATUS,
        /** The answer was not the JSON the contract describes. */
        BAD_DATA,
        /** The answer was larger than the configured limit. */
        TOO_LARGE,
        /** The data changed on the server while we paged through it, every time we tried: a later read may be whole. */
        CHANGED_WHILE_READING
    }

    private final Problem problem;

    public BackendException(Problem problem, String message) {
        super(message);
        this.problem = problem;
    }

    public BackendException(Problem problem, String message, Throwable cause) {
        super(message, cause);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }

    /**
     * Worth trying again later: the network or the server may recover, a menu being edited settles; bad data
     * or a bad token will not by itself.
     */
    public boolean isTransient() {
        return switch (problem) {
            case UNREACHABLE, TIMEOUT, BROKEN_CONNECTION, HTTP_STATUS, CHANGED_WHILE_READING -> true;
            case AUTH, REJECTED, BAD_DATA, TOO_LARGE -> false;
        };
    }
}
