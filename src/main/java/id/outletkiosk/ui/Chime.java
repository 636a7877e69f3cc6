package id.outletkiosk.ui;

import id.outletkiosk.sync.DaemonThreads;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.SourceDataLine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A screen's sound: a few short tones, made in code (no sound file, no media library), played on its
 * own thread so the screen never waits for the sound card. A machine without one logs it once. Each
 * screen has its own tones, so a cook never mistakes the customers' "ready" for a new order.
 */
public final class Chime implements Runnable, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Chime.class);
    private static final float RATE = 22_050f;

    private final String what;
    private final ExecutorService player;
    private final byte[] sound;
    private volatile boolean unavailable;

    private Chime(String what, double[] frequencies, double secondsEach) {
        this.what = what;
        this.player = Executors.newSingleThreadExecutor(DaemonThreads.named(what.replace(' ', '-') + "-chime"));
        this.sound = tones(frequencies, secondsEach);
    }

    /** The kitchen's new-order sound: two short rising tones. */
    public static Chime forNewOrders() {
        return new Chime("new orders", new double[] {880, 1320}, 0.12);
    }

    /** The pickup screen's: two longer falling tones, a door chime's "ding-dong", calm for a dining room. */
    public static Chime forOrdersReady() {
        return new Chime("orders ready", new double[] {1047, 784}, 0.25);
    }

    @Override
    public void run() {
        if (unavailable) {
            return;
        }
        try {
            player.execute(this::play);
        } catch (RejectedExecutionException e) {
            // closing: no more sounds
        }
    }

    private void play() {
        AudioFormat format = new AudioFormat(RATE, 16, 1, true, false);
        try (SourceDataLine line = AudioSystem.getSourceDataLine(format)) {
            line.open(format);
            line.start();
            line.write(sound, 0, sound.length);
            line.drain();
        } catch (LineUnavailableException | IllegalArgumentException | SecurityException e) {
            unavailable = true;
            LOG.warn("no sound for {} on this machine: {}", what, e.getMessage());
        }
    }

    /** 16-bit little-endian mono samples of each tone in turn, faded in and out so they do not click. */
    static byte[] tones(double[] frequencies, double secondsEach) {
        int perTone = (int) (RATE * secondsEach);
        byte[] samples = new byte[perTone * frequencies.length * 2];
        int at = 0;
        for (double frequency : frequencies) {
            for (int i = 0; i < perTone; i++) {
                double fade = Math.min(1, Math.min(i, perTone - i) / (RATE * 0.01));
                short value = (short) (Math.sin(2 * Math.PI * frequency * i / RATE) * 12_000 * fade);
                samples[at++] = (byte) value;
                samples[at++] = (byte) (value >> 8);
            }
        }
        return samples;
    }

    @Override
    public void close() {
        player.shutdownNow();
    }
}
