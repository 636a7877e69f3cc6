package id.outletkiosk.cli;

import java.util.concurrent.CountDownLatch;

/** Keeps a long-running command alive until Ctrl+C (or SIGTERM), or until the command stops itself. */
final class UntilStopped implements AutoCloseable {
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final Thread hook = new Thread(stopped::countDown, "stop-on-signal");

    UntilStopped() {
        Runtime.getRuntime().addShutdownHook(hook);
    }

    void stop() {
        stopped.countDown();
    }

    void await() throws InterruptedException {
        stopped.await();
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the JVM is already stopping: the hook has run or is running
        }
    }
}
