package id.outletkiosk.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * What a running JVM holds, seen from outside as an operator would: resident memory and threads from
 * {@code /proc/<pid>/status}, open files and sockets from {@code /proc/<pid>/fd}, and the live heap
 * after a full collection from {@code jcmd <pid> GC.class_histogram} (which collects first and counts what
 * survived, whatever the collector). Linux only; the process must be this user's.
 */
final class ProcessProbe {
    /**
     * One look at a process; {@code liveHeapKb} is -1 when jcmd did not answer. {@code intArraysKb}: the
     * part of the live heap in {@code int[]}, where JavaFX keeps pixels (pictures, and the effects' image
     * pool, which soft references hold: a full collection on request keeps them, a full heap lets them go).
     */
    record Sample(long rssKb, int threads, int files, int sockets, long liveHeapKb, long intArraysKb) {
        /** The live heap but pixels: what the app's own objects hold, however full the pools of pixels are. */
        long withoutPixelsKb() {
            return liveHeapKb < 0 ? -1 : liveHeapKb - intArraysKb;
        }
    }

    private static final String JCMD = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();

    private ProcessProbe() {
    }

    /** Memory, threads and descriptors now, with the live heap a histogram of the same process found. */
    static Sample sample(long pid, List<String> histogram) throws IOException {
        long rss = -1;
        int threads = -1;
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                rss = Long.parseLong(line.replaceAll("[^0-9]", ""));
            } else if (line.startsWith("Threads:")) {
                threads = Integer.parseInt(line.replaceAll("[^0-9]", ""));
            }
        }
        int files = 0;
        int sockets = 0;
        try (Stream<Path> descriptors = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
            for (Path descriptor : (Iterable<Path>) descriptors::iterator) {
                files++;
                try {
                    if (Files.readSymbolicLink(descriptor).toString().startsWith("socket:")) {
                        sockets++;
                    }
                } catch (NoSuchFileException closedMeanwhile) {
                    files--;
                }
            }
        }
        return new Sample(rss, threads, files, sockets, liveHeapKb(histogram), classKb(histogram, "[I "));
    }

    /**
     * {@code jcmd <pid> GC.class_histogram}: a full collection, then the live objects by class, largest
     * first, and a {@code Total} line. Empty when jcmd failed or took longer than a minute. While a thread
     * holds the GC locker (JNI critical regions: the software renderer's pixels, SQLite) the JVM skips the
     * collection and counts garbage too, saying so on its own stdout: see {@link DayPart#histogram}.
     */
    static List<String> histogram(long pid) throws IOException, InterruptedException {
        // jcmd is a JVM of its own: the smallest start there is, so the sampling takes little from the day
        Process jcmd = new ProcessBuilder(JCMD, "-J-XX:TieredStopAtLevel=1", "-J-Xshare:auto", Long.toString(pid),
                "GC.class_histogram").redirectErrorStream(true).start();
        byte[] out = jcmd.getInputStream().readAllBytes();
        if (!jcmd.waitFor(60, TimeUnit.SECONDS) || jcmd.exitValue() != 0) {
            jcmd.destroyForcibly();
            return List.of();
        }
        return new String(out, StandardCharsets.UTF_8).lines().toList();
    }

    /** The histogram's {@code Total <instances> <bytes>} line, in KiB; -1 without one. */
    static long liveHeapKb(List<String> histogram) {
        for (String line : histogram) {
            String trimmed = line.strip();
            if (trimmed.startsWith("Total ")) {
                String[] words = trimmed.split("\\s+");
                return Long.parseLong(words[2]) / 1024;
            }
        }
        return -1;
    }

    /** The bytes of one class's live instances in the histogram (name as jcmd prints it), in KiB; 0 if none. */
    static long classKb(List<String> histogram, String className) {
        for (String line : histogram) {
            String[] words = line.strip().split("\\s+");
            if (words.length >= 4 && words[0].endsWith(":") && (words[3] + " ").startsWith(className)) {
                return Long.parseLong(words[2]) / 1024;
            }
        }
        return 0;
    }

    /** The histogram's head: its header and the {@code classes} largest classes, for a report. */
    static List<String> top(List<String> histogram, int classes) {
        return histogram.stream().limit(classes + 3L).toList();
    }

    /** The sizes of the files under {@code folder} whose names contain {@code part} (".db": SQLite and its WAL). */
    static List<String> fileSizes(Path folder, String part) {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).filter(file -> file.getFileName().toString().contains(part))
                    .sorted().map(file -> folder.relativize(file) + " " + size(file) / 1024 + " KiB").toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException gone) {
            return 0;
        }
    }
}
