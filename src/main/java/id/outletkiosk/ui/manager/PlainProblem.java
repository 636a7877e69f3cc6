package id.outletkiosk.ui.manager;

import id.outletkiosk.api.BackendException;
import id.outletkiosk.store.StoreFullException;
import id.outletkiosk.store.StoreException;
import id.outletkiosk.ui.Messages;
import java.util.concurrent.CompletionException;

/**
 * A failure as a manager reads it: what happened in plain words first ("Cannot reach head office"), the
 * technical line second, for whoever the manager calls. The plain words follow the failure's kind, never
 * its message, so a new message from the client does not change what the manager reads.
 *
 * @param plainKey  the message key of the plain words
 * @param arguments their arguments (a full disk's free megabytes)
 * @param technical the line the failure carried, as logged
 */
public record PlainProblem(String plainKey, Object[] arguments, String technical) {

    /** Reads the failure, its cause and theirs (a round's failure wraps head office's or the store's). */
    public static PlainProblem of(Throwable failure) {
        Throwable top = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        String technical = top.getMessage() == null ? top.getClass().getSimpleName() : top.getMessage();
        for (Throwable at = top; at != null; at = at.getCause()) {
            if (at instanceof StoreFullException full) {
                return new PlainProblem("manager.problem.storeFull", new Object[] {full.freeBytes() / (1024 * 1024)},
                        technical);
            }
            if (at instanceof StoreException) {
                return new PlainProblem("manager.problem.store", new Object[0], technical);
            }
            if (at instanceof BackendException backend) {
                return new PlainProblem(keyOf(backend.problem()), new Object[0], technical);
            }
        }
        return new PlainProblem("manager.problem.other", new Object[0], technical);
    }

    private static String keyOf(BackendException.Problem problem) {
        return switch (problem) {
            case UNREACHABLE, TIMEOUT, BROKEN_CONNECTION -> "manager.problem.unreachable";
            case AUTH -> "manager.problem.auth";
            case REJECTED, HTTP_STATUS -> "manager.problem.refused";
            case RATE_LIMITED -> "manager.problem.busy";
            case BAD_DATA, TOO_LARGE, CHANGED_WHILE_READING -> "manager.problem.badData";
        };
    }

    public String plain(Messages messages) {
        return messages.get(plainKey, arguments);
    }
}
