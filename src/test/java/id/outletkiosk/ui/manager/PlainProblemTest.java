package id.outletkiosk.ui.manager;

import static org.assertj.core.api.Assertions.assertThat;

import id.outletkiosk.api.BackendException;
import id.outletkiosk.store.StoreFullException;
import id.outletkiosk.sync.FailurePolicy;
import id.outletkiosk.sync.SyncFailedException;
import id.outletkiosk.ui.Messages;
import java.sql.SQLException;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/** A failure in plain words by its kind, whatever its technical line says; the line kept for second. */
class PlainProblemTest {
    private static PlainProblem roundFailedBy(Exception cause) {
        return PlainProblem.of(new CompletionException(new SyncFailedException(cause.getMessage(),
                FailurePolicy.Decision.FALL_BACK_TO_STORE_SERVER, cause)));
    }

    @Test
    void headOfficeAway_isCannotReachHeadOffice_withTheClientsLineSecond() {
        PlainProblem problem = roundFailedBy(new BackendException(BackendException.Problem.TIMEOUT,
                "backend did not answer in time (read-timeout 4s)"));
        assertThat(problem.plain(Messages.english())).isEqualTo("cannot reach head office");
        assertThat(problem.plain(Messages.indonesian())).isEqualTo("tidak bisa menghubungi pusat");
        assertThat(problem.technical()).isEqualTo("backend did not answer in time (read-timeout 4s)");
    }

    @Test
    void aFullDisk_saysHowMuchIsLeft_andAnUnknownFailureIsStillSaidPlainly() {
        PlainProblem full = roundFailedBy(new StoreFullException(3L * 1024 * 1024, new SQLException("SQLITE_FULL")));
        assertThat(full.plain(Messages.english())).isEqualTo(
                "the local store cannot be written: the disk is full (3 MB free)");
        assertThat(PlainProblem.of(new IllegalStateException()).plain(Messages.english()))
                .isEqualTo("something unexpected went wrong");
        assertThat(PlainProblem.of(new BackendException(BackendException.Problem.AUTH, "401")).plain(Messages.english()))
                .isEqualTo("head office refused this terminal's token");
    }
}
