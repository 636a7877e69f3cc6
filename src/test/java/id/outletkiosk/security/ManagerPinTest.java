package id.outletkiosk.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.outletkiosk.testing.SteppingClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The manager PIN: only a salted hash on disk, owner-only; five wrong tries lock the gate for a while. */
class ManagerPinTest {
    @TempDir
    Path dataDir;

    @Test
    void onlyASaltedHashIsStoredOwnerOnly() throws Exception {
        ManagerPin.set(dataDir, "2468".toCharArray());
        String first = Files.readString(dataDir.resolve(ManagerPin.FILE));
        ManagerPin.set(dataDir, "2468".toCharArray());
        String second = Files.readString(dataDir.resolve(ManagerPin.FILE));

        assertThat(first).startsWith("pbkdf2-sha256:210000:").doesNotContain("2468");
        assertThat(second).isNotEqualTo(first); // a fresh salt each time
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir.resolve(ManagerPin.FILE))))
                .isEqualTo("rw-------");
        ManagerPin pin = ManagerPin.load(dataDir).orElseThrow();
        assertThat(pin.matches("2468".toCharArray())).isTrue();
        assertThat(pin.matches("2469".toCharArray())).isFalse();
        assertThat(pin.toString()).doesNotContain(second.split(":")[3].strip());
    }

    @Test
    void aPinIsFourToEightDigitsAndADamagedFileSaysSo() throws Exception {
        assertThatThrownBy(() -> ManagerPin.set(dataDir, "123".toCharArray())).hasMessage("the PIN must have 4 to 8 digits");
        assertThatThrownBy(() -> ManagerPin.set(dataDir, "12a4".toCharArray())).hasMessage("the PIN must have digits only");
        assertThat(ManagerPin.load(dataDir)).isEmpty();
        Files.writeString(dataDir.resolve(ManagerPin.FILE), "pbkdf2-sha256:x:y\n");
        assertThatThrownBy(() -> ManagerPin.load(dataDir)).hasMessageContaining("not in the expected form");
    }

    @Test
    void fiveWrongTriesLockTheGateEvenForTheRightPin() {
        ManagerPin.set(dataDir, "2468".toCharArray());
        SteppingClock clock = SteppingClock.atNoonInJakarta();
        PinGate gate = new PinGate(ManagerPin.load(dataDir).orElseThrow(), clock);

        assertThat(gate.attempt("1111".toCharArray())).isEqualTo(new PinGate.Outcome.Wrong(4));
        assertThat(gate.attempt("2468".toCharArray())).isInstanceOf(PinGate.Outcome.Open.class); // resets the count
        for (int i = 4; i >= 1; i--) {
            assertThat(gate.attempt("0000".toCharArray())).isEqualTo(new PinGate.Outcome.Wrong(i));
        }
        assertThat(gate.attempt("0000".toCharArray())).isEqualTo(new PinGate.Outcome.Locked(
                clock.instant().plus(PinGate.LOCKOUT)));
        clock.advance(Duration.ofMinutes(4));
        assertThat(gate.attempt("2468".toCharArray())).isInstanceOf(PinGate.Outcome.Locked.class);
        clock.advance(Duration.ofMinutes(1));
        assertThat(gate.attempt("2468".toCharArray())).isInstanceOf(PinGate.Outcome.Open.class);
        assertThat(new PinGate(null, clock).attempt("2468".toCharArray())).isEqualTo(new PinGate.Outcome.Locked(null));
    }
}
