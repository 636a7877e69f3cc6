package id.outletkiosk.sync;

import static org.assertj.core.api.Assertions.assertThat;

import id.outletkiosk.config.Setting;
import id.outletkiosk.config.Settings;
import id.outletkiosk.config.SettingsLoader;
import id.outletkiosk.testing.OrderWorld;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * What the kill -9 tests share: how a terminal process is started on the world's servers (backend
 * through the central proxy, the store server directly) and told apart from its previous lives, and how
 * a child process reads its arguments and drains its outbox on its last life.
 * Child arguments: backend URL, store server URL, data folder, seed, mode ({@code run} or {@code drain}).
 */
final class CrashChildren {
    private CrashChildren() {
    }

    /**
     * Starts {@code child}'s main in a fresh JVM with the installed kiosk's JIT and collector options (it
     * starts ~20 % sooner, and fifty lives are mostly starts); its standard error goes to {@code log}.
     * sqlite-jdbc unpacks its native library into {@code dataDir}, not /tmp: a JVM killed with SIGKILL never
     * deletes its copy (~1 MB), and the copies in /tmp outlived every CI run, a hundred a run.
     */
    static Process start(Class<?> child, OrderWorld world, Path dataDir, int life, String mode, String log)
            throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-Dorg.sqlite.tmpdir=" + dataDir, "-cp",
                System.getProperty("java.class.path"), child.getName(),
                world.centralProxy.http().toString(), world.storeServer.baseUri().toString(), dataDir.toString(),
                Integer.toString(life), mode)
                .redirectError(ProcessBuilder.Redirect.appendTo(dataDir.resolve(log).toFile())).start();
    }

    /** The child says READY once its runtime is open: only then is a kill a kill of a working terminal. */
    static BufferedReader awaitReady(Process child) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream()));
        awaitLine(out, "READY", "terminal started");
        return out;
    }

    /** Blocks until the child prints {@code line} next; a child that dies first fails with {@code what}. */
    static void awaitLine(BufferedReader out, String line, String what) throws IOException {
        assertThat(out.readLine()).as(what).isEqualTo(line);
    }

    /** In the child: its settings from the arguments, a quick heartbeat, plus {@code more}. */
    static Settings settings(String[] args, Map<Setting, String> more) {
        Path dataDir = Path.of(args[2]);
        Map<Setting, String> flags = new HashMap<>(Map.of(Setting.BACKEND, args[0], Setting.LOCAL_HTTP, args[1],
                Setting.DATA_DIR, dataDir.toString(), Setting.HEARTBEAT_TIMEOUT, "1s", Setting.HEARTBEAT_INTERVAL,
                "500ms"));
        flags.putAll(more);
        return new SettingsLoader(dataDir).load(flags, Map.of());
    }

    /** In the child's last life: sends what is queued until all went through (exit 3 when it never does). */
    static void drain(OutboxSender sender) {
        for (int pass = 0; pass < 600; pass++) {
            if (sender.sendQueued().allDelivered()) {
                System.out.println("DRAINED");
                System.out.flush();
                return;
            }
            Thread.onSpinWait();
        }
        System.exit(3);
    }
}
