package id.outletkiosk.ui.kitchen;

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
 * The new-order sound: two short rising tones, made in code (no sound file, no media library), played
 * on its own thread so the board never waits for the sound card. A machine without one logs it once.
 */
final class Chime implements Runnable, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Chime.class);
    private static final float RATE = 22_050f;

    private final ExecutorService player = Executors.newSingleThreadExecutor(DaemonThreads.named("new-order-chime"));
    private final byte[] sound = tones(new double[] {880, 1320}, 0.12);
    private volatile boolean unavailable;

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
            LOG.warn("no sound for new orders on this machine: {}", e.getMessage());
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
