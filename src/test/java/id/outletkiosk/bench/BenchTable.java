package id.outletkiosk.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Collects samples and prints medians as a Markdown table, the form BENCHMARKS.md keeps. */
final class BenchTable {
    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();

    BenchTable(String... header) {
        this.header = List.of(header);
    }

    void row(Object... cells) {
        rows.add(Arrays.stream(cells).map(String::valueOf).toList());
    }

    static double median(List<Double> samples) {
        double[] sorted = samples.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    static String ms(double millis) {
        return String.format("%.1f", millis);
    }

    void print() {
        System.out.println("| " + String.join(" | ", header) + " |");
        System.out.println("|" + "---|".repeat(header.size()));
        for (List<String> row : rows) {
            System.out.println("| " + String.join(" | ", row) + " |");
        }
        System.out.println();
    }
}
