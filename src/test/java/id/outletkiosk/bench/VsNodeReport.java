package id.outletkiosk.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/** The tables of {@link StoreServerVsNodeBenchmark}: every round of every run, then medians and ranges. */
record VsNodeReport(List<String> jvmOptions, List<String> mix, int seconds, boolean firstRoundFromStart,
        List<List<WrkRound>> node,
        List<List<WrkRound>> java, List<Double> nodeStarts, List<Double> javaStarts) {

    void print() {
        System.out.printf("# store server (%s) against the seed's Node server, wrk -t2 -c50 -d%ds --latency,"
                + " %d runs of %d rounds, fresh processes each run%n", String.join(" ", jvmOptions), seconds,
                node.size(), node.get(0).size());
        System.out.printf("# poll mix, cycled: %s%n", describeMix());
        System.out.printf("# round 1: %s%n%n", firstRoundFromStart
                ? "requests/s over the first ~" + seconds + " s from process start (starting included), p99 from the"
                        + " first answer on"
                : seconds + " s from the first answer");
        BenchTable rounds = new BenchTable("run", "round", "Node req/s", "Node p50 ms", "Node p99 ms", "Java req/s",
                "Java p50 ms", "Java p99 ms", "errors (Node/Java)", "Java/Node");
        for (int run = 0; run < node.size(); run++) {
            for (int round = 0; round < node.get(run).size(); round++) {
                WrkRound n = node.get(run).get(round);
                WrkRound j = java.get(run).get(round);
                rounds.row(run + 1, round + 1, String.format("%.0f", n.requestsPerSecond()), ms(n.p50Ms()),
                        ms(n.p99Ms()), String.format("%.0f", j.requestsPerSecond()), ms(j.p50Ms()), ms(j.p99Ms()),
                        n.errors() + "/" + j.errors(), String.format("%.2f", j.requestsPerSecond() / n.requestsPerSecond()));
            }
        }
        rounds.print();

        BenchTable summary = new BenchTable("round", "Node req/s median (range)", "Java req/s median (range)",
                "Java/Node median (range)", "Node p99 ms median (range)", "Java p99 ms median (range)");
        for (int round = 0; round < node.get(0).size(); round++) {
            summary.row(round + 1, spread(node, round, WrkRound::requestsPerSecond, "%.0f"),
                    spread(java, round, WrkRound::requestsPerSecond, "%.0f"), ratioSpread(round),
                    spread(node, round, WrkRound::p99Ms, "%.2f"), spread(java, round, WrkRound::p99Ms, "%.2f"));
        }
        summary.print();

        BenchTable start = new BenchTable("server", "process start to first answer, ms median (range)");
        start.row("Node", range(nodeStarts, "%.0f"));
        start.row("Java store server", range(javaStarts, "%.0f"));
        start.print();

        double lowestRatio = Double.MAX_VALUE;
        double highestP99 = 0;
        for (int run = 0; run < node.size(); run++) {
            for (int round = 0; round < node.get(run).size(); round++) {
                lowestRatio = Math.min(lowestRatio, java.get(run).get(round).requestsPerSecond()
                        / node.get(run).get(round).requestsPerSecond());
                highestP99 = Math.max(highestP99, java.get(run).get(round).p99Ms());
            }
        }
        System.out.printf("lowest Java/Node ratio of any round: %.2f (target 2); highest Java p99: %.2f ms"
                + " (target under 5)%n", lowestRatio, highestP99);
    }

    private String describeMix() {
        java.util.Map<String, Long> counts = new java.util.LinkedHashMap<>();
        mix.forEach(path -> counts.merge(path, 1L, Long::sum));
        List<String> parts = new ArrayList<>();
        counts.forEach((path, count) -> parts.add(count + "/" + mix.size() + " " + path));
        return String.join(", ", parts);
    }

    private static String spread(List<List<WrkRound>> server, int round, ToDoubleFunction<WrkRound> measure,
            String format) {
        List<Double> samples = new ArrayList<>();
        server.forEach(rounds -> samples.add(measure.applyAsDouble(rounds.get(round))));
        return range(samples, format);
    }

    private String ratioSpread(int round) {
        List<Double> samples = new ArrayList<>();
        for (int run = 0; run < node.size(); run++) {
            samples.add(java.get(run).get(round).requestsPerSecond() / node.get(run).get(round).requestsPerSecond());
        }
        return range(samples, "%.2f");
    }

    private static String range(List<Double> samples, String format) {
        double min = samples.stream().mapToDouble(Double::doubleValue).min().orElse(0);
        double max = samples.stream().mapToDouble(Double::doubleValue).max().orElse(0);
        return String.format(format + " (" + format + "-" + format + ")", BenchTable.median(samples), min, max);
    }

    private static String ms(double millis) {
        return String.format("%.2f", millis);
    }
}
