package id.outletkiosk.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whether the board benchmark's central was niced is said in its output, whichever way it went: a renice that is
 * missing or refused is a line saying central is NOT niced and why, not a figure silently measured the other way.
 * The renice command is injected (the shell's {@code true}, a refusing script, a path with nothing there), so no
 * priority changes here. It runs with the suite: Surefire leaves out only the bench package's benchmarks and probes.
 */
class DriverThreadsAsideTest {
    @TempDir
    Path folder;

    private final List<String> said = new CopyOnWriteArrayList<>();

    @Test
    void aMissingReniceIsSaidBeforeTheFirstFigure_andAgainWithTheFigures() throws Exception {
        String missing = folder.resolve("renice").toString();
        DriverThreadsAside aside = DriverThreadsAside.keepingCallerAt(19, List.of(missing), said::add);

        assertThat(aside.working()).isFalse();
        assertThat(said).singleElement().asString().startsWith("central NOT niced: " + missing + " could not run");
        aside.close();
        assertThat(said).hasSize(2);
        assertThat(said.get(1)).startsWith("central NOT niced (").contains("could not run")
                .endsWith("the figures are measured with central at the screen's priority");
    }

    @Test
    void aRefusedReniceIsSaidWithWhatReniceAnswered() throws Exception {
        List<String> refusing = List.of("sh", "-c", "echo 'failed to set priority: Permission denied' >&2; exit 1",
                "renice");
        DriverThreadsAside aside = DriverThreadsAside.keepingCallerAt(19, refusing, said::add);
        aside.close();

        assertThat(aside.working()).isFalse();
        assertThat(said.get(0)).startsWith("central NOT niced: ").contains("exited 1 for thread")
                .contains("Permission denied");
        assertThat(said.get(1)).startsWith("central NOT niced (");
    }

    @Test
    void whenEveryReniceWorksTheFiguresSayCentralWasNiced() throws Exception {
        DriverThreadsAside aside = DriverThreadsAside.keepingCallerAt(19, List.of("true"), said::add);
        aside.close();

        assertThat(aside.working()).isTrue();
        assertThat(said).singleElement().asString().startsWith("central niced: ")
                .endsWith("threads of the driver but the one posting the orders at nice 19")
                .doesNotContain("central niced: 0 ");
    }
}
