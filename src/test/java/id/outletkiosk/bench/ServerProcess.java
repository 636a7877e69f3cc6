package id.outletkiosk.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A server run as its own process: started, its address read from the line it prints
 * ({@code "... server on http://127.0.0.1:<port>..."}; not from the store server's log lines "listening on",
 * one of which names its warm-up's scratch server), and ready once it has answered its first request.
 * Everything it prints goes to {@code log}.
 */
final class ServerProcess implements AutoCloseable {
    private static final Pattern ADDRESS = Pattern.compile(" server on (http://[0-9.]+:\\d+)");
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    private final Process process;
    private final String baseUri;
    /** From the process's start to its first 200 answer to the probe. */
    private final double startToFirstAnswerMs;

    private ServerProcess(Process process, String baseUri, double startToFirstAnswerMs) {
        this.process = process;
        this.baseUri = baseUri;
        this.startToFirstAnswerMs = startToFirstAnswerMs;
    }

    /** Starts {@code command} and returns once {@code probePath} has been answered with 200. */
    static ServerProcess start(List<String> command, String probePath, Path log)
            throws IOException, InterruptedException {
        long started = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String baseUri = null;
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder printed = new StringBuilder();
        String line;
        while (baseUri == null && (line = out.readLine()) != null) {
            printed.append(line).append('\n');
            Matcher address = ADDRESS.matcher(line);
            if (address.find()) {
                baseUri = address.group(1);
            }
        }
        if (baseUri == null) {
            process.destroyForcibly();
            throw new IllegalStateException("the server printed no address:\n" + printed);
        }
        copyRestTo(out, log, printed.toString());
        HttpRequest probe = HttpRequest.newBuilder(URI.create(baseUri + probePath))
                .header("Accept", "application/json").build();
        try {
            // the port is bound a moment before the first answer: ask every 2 ms, which keeps the probe off the
            // starting JVM's CPU and still times its first answer to a few milliseconds
            Awaitility.await().atMost(Duration.ofSeconds(60)).pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofMillis(2)).until(() -> !process.isAlive() || answers(probe));
        } catch (ConditionTimeoutException late) {
            process.destroyForcibly();
            throw new IllegalStateException("no answer from " + baseUri + probePath + " in 60 s; see " + log);
        }
        if (!process.isAlive()) {
            throw new IllegalStateException("the server ended before it answered; see " + log);
        }
        return new ServerProcess(process, baseUri, (System.nanoTime() - started) / 1e6);
    }

    private static boolean answers(HttpRequest probe) throws InterruptedException {
        try {
            return HTTP.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException notYet) {
            return false;
        }
    }

    private static void copyRestTo(BufferedReader out, Path log, String alreadyRead) {
        Thread copier = new Thread(() -> {
            try (var file = java.nio.file.Files.newBufferedWriter(log)) {
                file.write(alreadyRead);
                String line;
                while ((line = out.readLine()) != null) {
                    file.write(line);
                    file.newLine();
                }
            } catch (IOException e) {
                // the process ended; its log is as complete as it got
            }
        }, "server-log");
        copier.setDaemon(true);
        copier.start();
    }

    String baseUri() {
        return baseUri;
    }

    double startToFirstAnswerMs() {
        return startToFirstAnswerMs;
    }

    String get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(baseUri + path)).header("Accept", "application/json")
                .build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    int post(String path, String json) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(baseUri + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    /** Stops it as systemd would (SIGTERM), then forcibly if it lingers. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
