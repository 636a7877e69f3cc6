package id.outletkiosk.sync;

import static org.assertj.core.api.Assertions.assertThat;

import id.outletkiosk.model.FeedMode;
import id.outletkiosk.sync.FeedCommand.CloseSocket;
import id.outletkiosk.sync.FeedCommand.Connect;
import id.outletkiosk.sync.FeedCommand.PublishStatus;
import id.outletkiosk.sync.FeedCommand.ReadList;
import id.outletkiosk.sync.FeedCommand.SendPing;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * When a live socket is dead: a ping unanswered for the pong timeout, found within one heartbeat interval
 * plus that timeout of a freeze, with never more than one ping per interval. On a manual clock.
 */
class HeartbeatTest extends TierMachineFixture {
    @Test
    void aPingUnansweredForThePongTimeoutLosesTheSocketAtExactlyThatMoment() {
        long central = liveOnCentral();
        long pingedAt = tickUntilPinged(central);

        now = pingedAt + DEFAULTS.pongTimeout().toNanos() - 1;
        assertThat(tick()).doesNotContain(new CloseSocket(central));
        assertThat(machine.reconnects()).isZero();

        now = pingedAt + DEFAULTS.pongTimeout().toNanos();
        List<FeedCommand> verdict = tick();

        assertThat(verdict).contains(new CloseSocket(central), new PublishStatus(), new Connect(central + 1,
                FeedMode.LOCAL));
        assertThat(machine.reconnects()).isEqualTo(1);
        assertThat(machine.lastError()).isEqualTo("online: no answer to a ping in 800 ms (half-open socket)");
    }

    @Test
    void aQuietSocketThatAnswersItsPingsIsKeptForAsLongAsItAnswers() {
        long central = liveOnCentral();
        for (int ping = 0; ping < 100; ping++) {
            tickUntilPinged(central);
            now += ms(300); // a slow pong, well inside the deadline
            assertThat(tick()).doesNotContain(new CloseSocket(central));
            machine.heard(central, now);
        }
        assertThat(machine.reconnects()).as("no event in 200 s, yet alive").isZero();
    }

    /**
     * The worst case the issue bounds: a socket that freezes at any moment between two pings is found at
     * most one heartbeat interval plus the pong timeout later (2 s + 0.8 s by default, within 3 s even
     * with the loop's 100 ms tick), and never more than one ping goes out per heartbeat interval.
     */
    @Test
    void aFreezeAtAnyMomentIsFoundWithinIntervalPlusPongTimeout_andPingsNeverComeFasterThanTheInterval() {
        Random random = new Random(16);
        long worst = 0;
        for (int freeze = 0; freeze < 200; freeze++) {
            long central = liveOnCentral();
            long lastPing = tickUntilPinged(central);
            machine.heard(central, now + ms(5)); // answered
            long frozenAt = now + ms(5) + ms(random.nextInt(2_000));
            boolean lost = false;
            while (!lost) {
                now += ms(100);
                List<FeedCommand> commands = machine.tick(now, true);
                if (commands.contains(new SendPing(central))) {
                    assertThat(now - lastPing).isGreaterThanOrEqualTo(DEFAULTS.heartbeatInterval().toNanos());
                    lastPing = now;
                }
                if (now < frozenAt && commands.contains(new SendPing(central))) {
                    machine.heard(central, now + ms(5));
                }
                lost = commands.contains(new CloseSocket(central));
            }
            worst = Math.max(worst, now - frozenAt);
            machine.close();
            machine = freshMachine();
        }
        assertThat(worst).isLessThanOrEqualTo(DEFAULTS.heartbeatInterval().plus(DEFAULTS.pongTimeout()).toNanos())
                .isLessThanOrEqualTo(ms(3_000));
    }

    @Test
    void theLiveSocketIsPingedEveryHeartbeatInterval() {
        long central = liveOnCentral();
        now += ms(1_999);
        assertThat(tick()).doesNotContain(new SendPing(central));
        now += ms(1);
        assertThat(tick()).containsExactly(new SendPing(central));
        machine.heard(central, now);
        now += ms(1_000);
        assertThat(tick()).isEmpty();

        assertThat(machine.pingFailed(central, now)).contains(new CloseSocket(central));
        assertThat(machine.lastError()).isEqualTo("online: ping could not be sent");
    }

    @Test
    void aSlowListReadDoesNotDelayTheHeartbeatVerdict() {
        long local = liveOnLocal();
        now = climbAt();
        long central = ticketOf(tick(), FeedMode.ONLINE);
        machine.socketOpened(central, now); // central's list is now being read, and the server never answers
        machine.heard(local, now);
        long pingedAt = tickUntilPinged(local);

        now = pingedAt + DEFAULTS.pongTimeout().toNanos();
        List<FeedCommand> verdict = tick();

        assertThat(verdict).contains(new CloseSocket(local), new CloseSocket(central));
        assertThat(verdict).contains(new ReadList(central + 1, FeedMode.POLLING, CatchUp.JOIN));
        assertThat(machine.reconnects()).isEqualTo(1);
        // the hung read finally answers: its attempt was given up, so it changes nothing
        assertThat(machine.listRead(central, CatchUp.JOIN, null, now)).isEmpty();
        assertThat(machine.mode()).isEqualTo(FeedMode.LOCAL);
    }
}
