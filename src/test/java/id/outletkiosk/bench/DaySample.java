package id.outletkiosk.bench;

import java.util.Map;
import java.util.stream.Collectors;

/** One look at the day: its time, orders placed and served, polls made, and each part from outside. */
record DaySample(double seconds, int placed, int served, long polls, Map<String, ProcessProbe.Sample> parts) {
    @Override
    public String toString() {
        return String.format("%5.0f s  placed %4d  served %4d  polls %6d  ", seconds, placed, served, polls)
                + parts.entrySet().stream().map(part -> String.format("%s: rss %d MiB heap %.1f MiB (%.1f but pixels) thr %d fd %d sock %d",
                        part.getKey(), part.getValue().rssKb() / 1024, part.getValue().liveHeapKb() / 1024.0,
                        part.getValue().withoutPixelsKb() / 1024.0,
                        part.getValue().threads(), part.getValue().files(), part.getValue().sockets()))
                        .collect(Collectors.joining(" | "));
    }
}
