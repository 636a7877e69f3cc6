package id.outletkiosk.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * The manager's PIN, kept only as a salted PBKDF2 hash in {@code manager-pin} in the data folder
 * (owner-only), set from the command line. The PIN itself is never written or logged anywhere.
 */
public final class ManagerPin {
    public static final String FILE = "manager-pin";
    private static final String ALGORITHM = "PBKDF2WithHmacSHA256";
    private static final int ITERATIONS = 210_000;
    private static final int SALT_BYTES = 16;
    private static final int HASH_BITS = 256;

    private final int iterations;
    private final byte[] salt;
    private final byte[] hash;

    private ManagerPin(int iterations, byte[] salt, byte[] hash) {
        this.iterations = iterations;
        this.salt = salt;
        this.hash = hash;
    }

    /** A PIN is 4 to 8 digits: typed on a touch screen's number pad, long enough to slow a guess. */
    public static void checkFormat(char[] pin) {
        if (pin.length < 4 || pin.length > 8) {
            throw new IllegalArgumentException("the PIN must have 4 to 8 digits");
        }
        for (char c : pin) {
            if (c < '0' || c > '9') {
                throw new IllegalArgumentException("the PIN must have digits only");
            }
        }
    }

    /** Stores the hash of {@code pin} in {@code dataDir}, replacing any earlier one. */
    public static void set(Path dataDir, char[] pin) {
        checkFormat(pin);
        byte[] salt = new byte[SALT_BYTES];
        new SecureRandom().nextBytes(salt);
        byte[] hash = derive(pin, salt, ITERATIONS);
        String line = "pbkdf2-sha256:" + ITERATIONS + ":" + Base64.getEncoder().encodeToString(salt) + ":"
                + Base64.getEncoder().encodeToString(hash) + "\n";
        Path target = dataDir.resolve(FILE);
        try {
            Path partial = Files.createTempFile(dataDir, FILE, ".part");
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(partial, PosixFilePermissions.fromString("rw-------"));
            }
            Files.writeString(partial, line, StandardCharsets.US_ASCII);
            try {
                Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store the manager PIN in " + dataDir + ": " + e.getMessage(), e);
        }
    }

    /** The stored PIN of {@code dataDir}; empty when none was set (the manager panel is then closed to all). */
    public static Optional<ManagerPin> load(Path dataDir) {
        Path file = dataDir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            String[] parts = Files.readString(file, StandardCharsets.US_ASCII).strip().split(":");
            if (parts.length != 4 || !parts[0].equals("pbkdf2-sha256")) {
                throw new IllegalStateException("the manager PIN file " + file + " is not in the expected form");
            }
            return Optional.of(new ManagerPin(Integer.parseInt(parts[1]), Base64.getDecoder().decode(parts[2]),
                    Base64.getDecoder().decode(parts[3])));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the manager PIN file " + file + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("the manager PIN file " + file + " is damaged; set the PIN again", e);
        }
    }

    /** Compares in constant time, so the time taken says nothing about how close a guess was. */
    public boolean matches(char[] attempt) {
        return MessageDigest.isEqual(hash, derive(attempt, salt, iterations));
    }

    private static byte[] derive(char[] pin, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(pin, salt, iterations, HASH_BITS);
        try {
            return SecretKeyFactory.getInstance(ALGORITHM).generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2 is not available in this Java runtime", e);
        } finally {
            spec.clearPassword();
        }
    }

    @Override
    public String toString() {
        return "ManagerPin[(hash)]";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ManagerPin pin && Arrays.equals(pin.hash, hash);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(hash);
    }
}
