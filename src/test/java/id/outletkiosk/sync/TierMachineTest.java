package id.outletkiosk.sync;

import id.outletkiosk.api.BackendException;

import static org.assertj.core.api.Assertions.assertThat;

import id.outletkiosk.config.Settings;
import id.outletkiosk.model.FeedMode;
import id.outletkiosk.sync.FeedCommand.CloseSocket;
import id.outletkiosk.sync.FeedCommand.Connect;
import id.outletkiosk.sync.FeedCommand.PublishStatus;
import id.outletkiosk.sync.FeedCommand.ReadList;
import id.outletkiosk.sync.FeedCommand.SendPing;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The feed's decisions on a manual clock: which transport, when a socket is dead, when to poll, when to
 * climb back. No threads, no servers, no waiting: each test is a restaurant's bad hour in a few events.
 */
class TierMachineTest {
    private static final Settings.FeedTimings DEFAULTS = new Settings.FeedTimings(Duration.ofSeconds(2),
            Duration.ofSeconds(4), Duration.ofSeconds(3), Duration.ofSeconds(10), Duration.ofSeconds(15),
            Duration.ofMillis(800));
    private static final List<FeedMode> ALL_TIERS = List.of(FeedMode.ONLINE, FeedMode.LOCAL, FeedMode.POLLING);

    private TierMachine machine = new TierMachine(ALL_TIERS, DEFAULTS,
            new Backoff(Duration.ofMillis(500), Duration.ofSeconds(30), new Random(7)));
    private long now = 1_000_000_000L;

    private static long ms(long millis) {
        return Duration.ofMillis(millis).toNanos();
    }

    private List<FeedCommand> tick() {
        return machine.tick(now, true);
    }

    private static long ticketOf(List<FeedCommand> commands, FeedMode tier) {
        for (FeedCommand command : commands) {
            if (command instanceof Connect connect && connect.tier() == tier) {
                return connect.ticket();
            }
            if (command instanceof ReadList read && read.tier() == tier && read.why() == CatchUp.JOIN) {
                return read.ticket();
            }
        }
        throw new AssertionError("no attempt on " + tier + " in " + commands);
    }

    /** Central refuses; the store server's socket opens and its list is read: live on LOCAL. */
    private long liveOnLocal() {
        long central = ticketOf(machine.start(now), FeedMode.ONLINE);
        long local = ticketOf(machine.socketClosed(central, "refused", now), FeedMode.LOCAL);
        machine.socketOpened(local, now);
        machine.listRead(local, CatchUp.JOIN, null, now);
        assertThat(machine.mode()).isEqualTo(FeedMode.LOCAL);
        return local;
    }

    private long liveOnCentral() {
        long central = ticketOf(machine.start(now), FeedMode.ONLINE);
        assertThat(machine.socketOpened(central, now)).containsExactly(new ReadList(central, FeedMode.ONLINE,
                CatchUp.JOIN));
        assertThat(machine.listRead(central, CatchUp.JOIN, null, now)).contains(new PublishStatus());
        return central;
    }

    private long liveOnPolling() {
        long central = ticketOf(machine.start(now), FeedMode.ONLINE);
        long local = ticketOf(machine.socketClosed(central, "refused", now), FeedMode.LOCAL);
        long polling = ticketOf(machine.socketClosed(local, "refused", now), FeedMode.POLLING);
        machine.listRead(polling, CatchUp.JOIN, null, now);
        assertThat(machine.mode()).isEqualTo(FeedMode.POLLING);
        return polling;
    }

    private long climbAt() {
        return ((TierState.Live) machine.state()).climbAtNanos();
    }

    @Test
    void startWalksDownTheTiersUntilNothingAnswers() {
        List<FeedCommand> started = machine.start(now);
        assertThat(started).containsExactly(new Connect(1, FeedMode.ONLINE));
        assertThat(machine.socketClosed(1, "refused", now)).containsExactly(new FeedCommand.NoteProblem(
                "online: refused"), new Connect(2, FeedMode.LOCAL));
        assertThat(machine.socketClosed(2, "refused", now)).contains(new ReadList(3, FeedMode.POLLING, CatchUp.JOIN));
        assertThat(machine.mode()).as("shown until something else is live").isEqualTo(FeedMode.OFFLINE);

        assertThat(machine.listRead(3, CatchUp.JOIN, "connection refused", now)).contains(new PublishStatus());

        assertThat(machine.mode()).isEqualTo(FeedMode.OFFLINE);
        assertThat(machine.state()).isInstanceOf(TierState.Live.class);
        assertThat(machine.lastError()).isEqualTo("polling: connection refused");
    }

    @Test
    void aSocketGoesLiveOnlyOnceItsListIsRead() {
        long central = ticketOf(machine.start(now), FeedMode.ONLINE);
        machine.socketOpened(central, now);
        assertThat(machine.mode()).isEqualTo(FeedMode.OFFLINE);

        machine.listRead(central, CatchUp.JOIN, null, now);

        assertThat(machine.mode()).isEqualTo(FeedMode.ONLINE);
        assertThat(climbAt()).as("on the best tier there is nothing to climb to").isEqualTo(TierMachine.NEVER);
    }

    @Test
    void anOpenSocketWhoseListCannotBeReadIsClosedAndTheNextTierTried() {
        long central = ticketOf(machine.start(now), FeedMode.ONLINE);
        machine.socketOpened(central, now);

        List<FeedCommand> failed = machine.listRead(central, CatchUp.JOIN, "HTTP 500", now);

        assertThat(failed).startsWith(new CloseSocket(central)).contains(new Connect(central + 1, FeedMode.LOCAL));
        assertThat(machine.lastError()).isEqualTo("online: connected, but could not catch up: HTTP 500");
    }

    /** Ticks every 100 ms, as the feed's loop does, until one sends a ping on {@code ticket}; returns its time. */
    private long tickUntilPinged(long ticket) {
        for (int i = 0; i < 1_000; i++) {
            now += ms(100);
            if (tick().contains(new SendPing(ticket))) {
                return now;
            }
        }
        throw new AssertionError("never pinged");
    }

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
            machine = new TierMachine(ALL_TIERS, DEFAULTS, new Backoff(Duration.ofMillis(500),
                    Duration.ofSeconds(30), new Random(7)));
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
    void belowTheBestTierItClimbsAfterTheBackoffAndAFailedClimbWaitsLonger() {
        long local = liveOnLocal();
        long firstWait = climbAt() - now;
        assertThat(firstWait).isBetween(ms(250), ms(500));

        now += firstWait - 1;
        machine.heard(local, now);
        assertThat(tick()).noneMatch(Connect.class::isInstance);
        now += 1;
        long climb = ticketOf(tick(), FeedMode.ONLINE);
        assertThat(machine.state()).isInstanceOf(TierState.Climbing.class);

        machine.socketClosed(climb, "refused", now);
        assertThat(machine.mode()).as("still on the store server").isEqualTo(FeedMode.LOCAL);
        long secondWait = climbAt() - now;
        assertThat(secondWait).isBetween(ms(500), ms(1_000));

        now += secondWait;
        machine.heard(local, now);
        long retry = ticketOf(tick(), FeedMode.ONLINE);
        machine.socketOpened(retry, now);
        List<FeedCommand> climbed = machine.listRead(retry, CatchUp.JOIN, null, now);

        assertThat(climbed).contains(new CloseSocket(local), new PublishStatus());
        assertThat(machine.mode()).isEqualTo(FeedMode.ONLINE);
        assertThat(machine.reconnects()).as("a climb is not a loss").isZero();
    }

    @Test
    void aClimbCentralRefusesForItsTokenWaitsTheLongestBackoffStep() {
        long local = liveOnLocal();
        now = climbAt();
        machine.heard(local, now);
        long climb = ticketOf(tick(), FeedMode.ONLINE);
        machine.socketOpened(climb, now);

        machine.listRead(climb, CatchUp.JOIN, "the configured token was refused",
                FailurePolicy.decide(BackendException.Problem.AUTH), now);

        assertThat(machine.mode()).isEqualTo(FeedMode.LOCAL);
        assertThat(climbAt() - now).as("the policy's longest step, not seconds").isEqualTo(ms(30_000));
    }

    @Test
    void aClimbTriesEachBetterTierBestFirst() {
        long polling = liveOnPolling();
        now = climbAt();
        long central = ticketOf(tick(), FeedMode.ONLINE);
        long local = ticketOf(machine.socketClosed(central, "refused", now), FeedMode.LOCAL);
        List<FeedCommand> gaveUp = machine.socketClosed(local, "refused", now);

        assertThat(gaveUp).noneMatch(Connect.class::isInstance);
        assertThat(machine.state()).isEqualTo(new TierState.Live(new TierState.Transport(polling,
                FeedMode.POLLING), climbAt()));
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

    @Test
    void answersForAttemptsAlreadyGivenUpAreIgnored() {
        long central = liveOnCentral();
        assertThat(machine.socketOpened(99, now)).containsExactly(new CloseSocket(99));
        assertThat(machine.socketClosed(99, "closed", now)).isEmpty();
        assertThat(machine.listRead(99, CatchUp.POLL, "timeout", now)).isEmpty();
        assertThat(machine.pingFailed(99, now)).isEmpty();
        assertThat(machine.mode()).isEqualTo(FeedMode.ONLINE);
        assertThat(machine.reconnects()).isZero();

        machine.socketClosed(central, "closed by the server (code 1000)", now);
        machine.heard(central, now + ms(10_000)); // a frame that was already on its way
        assertThat(machine.reconnects()).isEqualTo(1);
        assertThat(machine.state()).isInstanceOf(TierState.Settling.class);
    }

    @Test
    void pollingKeepsItsPaceOnePollAtATimeAndNoneWhilePaused() {
        long polling = liveOnPolling();
        now += DEFAULTS.pollInterval().toNanos();
        assertThat(reads(machine.tick(now, false))).as("nothing open: the idle pace").isEmpty();
        assertThat(reads(machine.tick(now, true))).containsExactly(new ReadList(polling, FeedMode.POLLING,
                CatchUp.POLL));
        now += ms(60_000);
        assertThat(reads(machine.tick(now, true))).as("the last poll has not answered yet").isEmpty();
        machine.listRead(polling, CatchUp.POLL, null, now);

        machine.pausePolling();
        now += ms(60_000);
        assertThat(reads(machine.tick(now, true))).isEmpty();
        assertThat(machine.resumePolling(now)).startsWith(new ReadList(polling, FeedMode.POLLING, CatchUp.POLL));
        assertThat(machine.pollingPaused()).isFalse();
    }

    /** The list reads among the commands (a climb may run alongside). */
    private static List<FeedCommand> reads(List<FeedCommand> commands) {
        return commands.stream().filter(ReadList.class::isInstance).toList();
    }

    @Test
    void aFailedPollLosesPollingAndLeavesNothingButOffline() {
        long polling = liveOnPolling();
        now += DEFAULTS.pollInterval().toNanos();
        tick();
        machine.listRead(polling, CatchUp.POLL, "timeout", now);

        assertThat(machine.mode()).isEqualTo(FeedMode.OFFLINE);
        assertThat(machine.lastError()).isEqualTo("polling: the store server did not answer the poll (timeout)");
    }

    @Test
    void onCentralBothListsAreReadAgainEveryReconcileIntervalOneRoundAtATime() {
        long central = liveOnCentral();
        now += DEFAULTS.reconcileInterval().toNanos();
        machine.heard(central, now);
        assertThat(tick()).contains(new ReadList(central, FeedMode.ONLINE, CatchUp.RECONCILE),
                new ReadList(central, FeedMode.POLLING, CatchUp.RECONCILE));

        now += DEFAULTS.reconcileInterval().toNanos();
        machine.heard(central, now);
        assertThat(tick()).as("the last round is still reading").noneMatch(ReadList.class::isInstance);

        machine.listRead(central, CatchUp.RECONCILE, null, now);
        machine.listRead(central, CatchUp.RECONCILE, "timeout", now);
        now += ms(1);
        machine.heard(central, now);
        assertThat(tick()).filteredOn(ReadList.class::isInstance).hasSize(2);
        assertThat(machine.mode()).as("a failed reconcile is not a lost socket").isEqualTo(FeedMode.ONLINE);
    }

    @Test
    void closingClosesEverySocketAndIgnoresWhatComesAfter() {
        long local = liveOnLocal();
        now = climbAt();
        machine.heard(local, now);
        long central = ticketOf(tick(), FeedMode.ONLINE);

        assertThat(machine.close()).containsExactlyInAnyOrder(new CloseSocket(local), new CloseSocket(central));
        assertThat(machine.socketOpened(central, now)).isEmpty();
        assertThat(machine.tick(now + ms(60_000), true)).isEmpty();
    }

    @Test
    void aHandshakeNobodyAnswersIsGivenUpAfterTwoHeartbeatTimeouts_whileSettlingAndWhileClimbing() {
        long central = ticketOf(machine.start(now), FeedMode.ONLINE); // the proxy takes the connection, then silence
        now += ms(7_999);
        assertThat(tick()).isEmpty();
        now += ms(2);
        List<FeedCommand> gaveUp = tick();
        assertThat(gaveUp).contains(new CloseSocket(central));
        long local = ticketOf(gaveUp, FeedMode.LOCAL);
        assertThat(machine.lastError()).contains("online: no answer to the WebSocket handshake in 8000 ms");

        machine.socketOpened(local, now);
        machine.listRead(local, CatchUp.JOIN, null, now);
        assertThat(machine.mode()).isEqualTo(FeedMode.LOCAL);
        now = climbAt();
        long climb = ticketOf(tick(), FeedMode.ONLINE);
        now += ms(8_001);
        assertThat(tick()).contains(new CloseSocket(climb));
        assertThat(machine.mode()).as("still live on the store server, the next climb later").isEqualTo(FeedMode.LOCAL);
        assertThat(climbAt()).isGreaterThan(now);
    }
}
