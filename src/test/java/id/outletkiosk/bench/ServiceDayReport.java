package id.outletkiosk.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one {@link ServiceDayBenchmark} day found, as the Markdown tables BENCHMARKS.md keeps: each part
 * after warm-up, at a third, two thirds and all of the orders, and once the last is served; the growth
 * from a third of the day to its end; the databases' sizes; and across runs, the growth side by side.
 */
final class ServiceDayReport {
    private final int run;
    private final int orders;
    private final List<Integer> milestones;
    private final List<DaySample> samples = new ArrayList<>();
    private final Map<Integer, DaySample> atMilestone = new LinkedHashMap<>();
    private DaySample closed;
    private long pollFailures;
    private List<String> databases = List.of();

    ServiceDayReport(int run, int orders, List<Integer> milestones) {
        this.run = run;
        this.orders = orders;
        this.milestones = List.copyOf(milestones);
    }

    void add(DaySample sample) {
        samples.add(sample);
    }

    void milestone(int placed, DaySample sample) {
        atMilestone.put(placed, sample);
    }

    /** The samples the growth compares: a third of the day, and its end. */
    boolean isFirstOrLast(DaySample sample) {
        return sample == atMilestone.get(milestones.get(1)) || sample == atMilestone.get(orders);
    }

    void closed(DaySample sample) {
        closed = sample;
    }

    void pollFailures(long failures) {
        pollFailures = failures;
    }

    void databases(List<String> sizes) {
        databases = sizes;
    }

    private DaySample third() {
        return atMilestone.get(milestones.get(1));
    }

    private DaySample end() {
        return atMilestone.get(orders);
    }

    void print() {
        System.out.printf("%n## run %d: %d orders, %d polls (%d failed), %d samples%n%n", run, orders,
                closed.polls(), pollFailures, samples.size());
        for (String part : ServiceDayBenchmark.PARTS) {
            System.out.println("### " + part);
            BenchTable table = new BenchTable("moment", "placed", "served", "polls", "RSS MiB", "live heap MiB",
                    "live heap floor MiB", "live heap but pixels MiB", "threads", "open files", "sockets");
            for (int milestone : milestones) {
                row(table, (milestone == milestones.get(0) ? "after warm-up, " : "at ") + milestone + " orders",
                        atMilestone.get(milestone), part);
            }
            row(table, "closed (all served)", closed, part);
            table.row("growth " + milestones.get(1) + " to " + orders, "", "", "",
                    percent(third().parts().get(part).rssKb(), end().parts().get(part).rssKb()),
                    percent(third().parts().get(part).liveHeapKb(), end().parts().get(part).liveHeapKb()),
                    percent(floorKb(third(), part), floorKb(end(), part)),
                    percent(third().parts().get(part).withoutPixelsKb(), end().parts().get(part).withoutPixelsKb()),
                    change(third().parts().get(part).threads(), end().parts().get(part).threads()),
                    change(third().parts().get(part).files(), end().parts().get(part).files()),
                    change(third().parts().get(part).sockets(), end().parts().get(part).sockets()));
            table.print();
            ProcessProbe.Sample highest = samples.stream().filter(sample -> sample.placed() >= milestones.get(1))
                    .map(sample -> sample.parts().get(part)).max(java.util.Comparator.comparingLong(
                            ProcessProbe.Sample::rssKb)).orElseThrow();
            System.out.printf("highest RSS from %d orders on: %d MiB; samples of threads %s, files %s, sockets %s%n%n",
                    milestones.get(1), highest.rssKb() / 1024, spread(part, ProcessProbe.Sample::threads),
                    spread(part, ProcessProbe.Sample::files), spread(part, ProcessProbe.Sample::sockets));
        }
        System.out.println("databases at closing: " + String.join(", ", databases));
    }

    /** min-max of a count over the samples from a third of the day on. */
    private String spread(String part, java.util.function.ToIntFunction<ProcessProbe.Sample> count) {
        var stats = samples.stream().filter(sample -> sample.placed() >= milestones.get(1))
                .mapToInt(sample -> count.applyAsInt(sample.parts().get(part))).summaryStatistics();
        return stats.getMin() + "-" + stats.getMax();
    }

    private void row(BenchTable table, String moment, DaySample sample, String part) {
        ProcessProbe.Sample seen = sample.parts().get(part);
        table.row(moment, sample.placed(), sample.served(), sample.polls(), mib(seen.rssKb()), mib(seen.liveHeapKb()),
                mib(floorKb(sample, part)), mib(seen.withoutPixelsKb()), seen.threads(), seen.files(), seen.sockets());
    }

    /**
     * The lowest live heap of the part over the 300 orders up to {@code sample} (a minute at the day's pace). A full collection on request
     * keeps what only soft references hold (on the kiosk, JavaFX's pool of effect images: 1080x1920
     * int arrays, up to ~150 MB, let go when the heap is full), so one sample may count them or not; the
     * floor over a minute or more comes closer to what the app itself holds.
     */
    private long floorKb(DaySample sample, String part) {
        return samples.stream().filter(each -> each.seconds() <= sample.seconds() && each.placed() >= sample.placed() - 300)
                .mapToLong(each -> each.parts().get(part).liveHeapKb()).filter(kb -> kb > 0).min()
                .orElse(sample.parts().get(part).liveHeapKb());
    }

    private static String mib(long kb) {
        return String.format("%.1f", kb / 1024.0);
    }

    private static String percent(long from, long to) {
        return String.format("%+.1f %%", (to - from) * 100.0 / from);
    }

    private static String change(int from, int to) {
        return from + " to " + to;
    }

    /** The growth of every part in every run, side by side. */
    static void summarise(List<ServiceDayReport> reports) {
        System.out.printf("%n## growth from a third of the day to its end, %d run(s)%n%n", reports.size());
        BenchTable table = new BenchTable("part", "run", "RSS MiB", "RSS growth", "live heap MiB", "live heap growth",
                "live heap floor MiB", "floor growth", "but pixels MiB", "but pixels growth", "threads", "open files",
                "sockets", "polls");
        for (String part : ServiceDayBenchmark.PARTS) {
            for (ServiceDayReport report : reports) {
                ProcessProbe.Sample from = report.third().parts().get(part);
                ProcessProbe.Sample to = report.end().parts().get(part);
                table.row(part, report.run, mib(from.rssKb()) + " to " + mib(to.rssKb()), percent(from.rssKb(), to.rssKb()),
                        mib(from.liveHeapKb()) + " to " + mib(to.liveHeapKb()), percent(from.liveHeapKb(), to.liveHeapKb()),
                        mib(report.floorKb(report.third(), part)) + " to " + mib(report.floorKb(report.end(), part)),
                        percent(report.floorKb(report.third(), part), report.floorKb(report.end(), part)),
                        mib(from.withoutPixelsKb()) + " to " + mib(to.withoutPixelsKb()),
                        percent(from.withoutPixelsKb(), to.withoutPixelsKb()),
                        change(from.threads(), to.threads()), change(from.files(), to.files()),
                        change(from.sockets(), to.sockets()), report.third().polls() + " to " + report.end().polls());
            }
        }
        table.print();
    }
}
