package id.outletkiosk.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One round of {@code wrk -t2 -c50 -d<seconds>s --latency} against a server, its script choosing each
 * request's path from a fixed cycle (the poll mix). Requests/s, p50 and p99 as wrk prints them.
 */
record WrkRound(double requestsPerSecond, double p50Ms, double p99Ms, long errors) {
    private static final Pattern RATE = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
    private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses:\\s+(\\d+)");
    private static final Pattern SOCKET_ERRORS = Pattern.compile(
            "Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");

    /** A Lua script for wrk that cycles through {@code paths}, each request with Accept: application/json. */
    static Path script(List<String> paths, Path folder) throws IOException {
        StringBuilder lua = new StringBuilder("local paths = {\n");
        for (String path : paths) {
            lua.append("  \"").append(path).append("\",\n");
        }
        lua.append("}\nlocal requests = {}\nlocal turn = 0\n")
                .append("init = function(args)\n")
                .append("  for i, path in ipairs(paths) do\n")
                .append("    requests[i] = wrk.format(\"GET\", path, {[\"Accept\"] = \"application/json\"})\n")
                .append("  end\nend\n")
                .append("request = function()\n  turn = turn % #requests + 1\n  return requests[turn]\nend\n");
        Path script = folder.resolve("polls.lua");
        Files.writeString(script, lua.toString());
        return script;
    }

    static WrkRound run(String baseUri, Path script, int seconds) throws IOException, InterruptedException {
        Process wrk = new ProcessBuilder("/usr/bin/wrk", "-t2", "-c50", "-d" + seconds + "s", "--latency", "-s",
                script.toString(), baseUri).redirectErrorStream(true).start();
        String out = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!wrk.waitFor(seconds + 30L, TimeUnit.SECONDS) || wrk.exitValue() != 0) {
            throw new IllegalStateException("wrk failed:\n" + out);
        }
        Matcher rate = RATE.matcher(out);
        if (!rate.find()) {
            throw new IllegalStateException("wrk printed no rate:\n" + out);
        }
        long errors = 0;
        Matcher non2xx = NON_2XX.matcher(out);
        if (non2xx.find()) {
            errors += Long.parseLong(non2xx.group(1));
        }
        Matcher socket = SOCKET_ERRORS.matcher(out);
        if (socket.find()) {
            for (int group = 1; group <= 4; group++) {
                errors += Long.parseLong(socket.group(group));
            }
        }
        return new WrkRound(Double.parseDouble(rate.group(1)), percentileMs(out, "50%"), percentileMs(out, "99%"),
                errors);
    }

    /**
     * This round's requests spread over the time since the server's process started: {@code startSeconds} of
     * starting (nothing answered) and the {@code roundSeconds} of this round. Latencies stay the round's.
     */
    WrkRound overTimeSinceStart(double startSeconds, int roundSeconds) {
        return new WrkRound(requestsPerSecond * roundSeconds / (startSeconds + roundSeconds), p50Ms, p99Ms, errors);
    }

    /** A line of wrk's latency distribution, "99%    4.21ms", in milliseconds (wrk picks us, ms or s). */
    private static double percentileMs(String out, String percentile) {
        Matcher line = Pattern.compile("\\s" + Pattern.quote(percentile) + "\\s+([0-9.]+)(us|ms|s)").matcher(out);
        if (!line.find()) {
            throw new IllegalStateException("wrk printed no " + percentile + " latency:\n" + out);
        }
        double value = Double.parseDouble(line.group(1));
        return switch (line.group(2)) {
            case "us" -> value / 1000;
            case "s" -> value * 1000;
            default -> value;
        };
    }
}
