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
        /** Any other non-2xx answer (5xx, 408, 425): the server may recover. */
        HTTP_STATUS,
        /** 429: the server is up but asks us to slow down. */
        RATE_LIMITED,
        /** The answer was not the JSON the contract describes. */
        BAD_DATA,
        /** The answer was larger than the configured limit. */
        TOO_LARGE,
        /** The data changed on the server while we paged through it, every time we tried: a later read may be whole. */
        CHANGED_WHILE_READING
    }

    private final Problem problem;
    private final int httpStatus;

    public BackendException(Problem problem, String message) {
        this(problem, message, 0);
    }

    /** @param httpStatus the server's HTTP status, 0 when it gave none */
    public BackendException(Problem problem, String message, int httpStatus) {
        super(message);
        this.problem = problem;
        this.httpStatus = httpStatus;
    }

    public BackendException(Problem problem, String message, Throwable cause) {
        super(message, cause);
        this.problem = problem;
        this.httpStatus = 0;
    }

    public Problem problem() {
        return problem;
    }

    /** The HTTP status the server answered (404 for an order it does not know), 0 when it answered none. */
    public int httpStatus() {
        return httpStatus;
    }
}
