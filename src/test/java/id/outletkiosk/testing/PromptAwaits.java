package id.outletkiosk.testing;

import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Every test JVM's Awaitility looks at once and then every 10 ms, instead of its defaults (first look after
 * 100 ms, then every 100 ms): hundreds of awaits in the suite are true at once or soon after, and each paid
 * up to 200 ms for nothing. The conditions and their time limits stay as each test wrote them; a test that
 * wants another rhythm still says so on its own await. Registered in
 * META-INF/services/org.junit.platform.launcher.LauncherSessionListener, so it runs before any test class.
 */
public final class PromptAwaits implements LauncherSessionListener {
    static final Duration POLL_INTERVAL = Duration.ofMillis(10);

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        Awaitility.setDefaultPollDelay(Duration.ZERO);
        Awaitility.setDefaultPollInterval(POLL_INTERVAL);
    }
}
