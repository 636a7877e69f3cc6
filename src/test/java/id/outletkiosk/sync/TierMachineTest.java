package id.outletkiosk.sync;

import id.outletkiosk.api.BackendException;

import static org.assertj.core.api.Assertions.assertThat;

import id.outletkiosk.model.FeedMode;
import id.outletkiosk.sync.FeedCommand.CloseSocket;
import id.outletkiosk.sync.FeedCommand.Connect;
import id.outletkiosk.sync.FeedCommand.PublishStatus;
import id.outletkiosk.sync.FeedCommand.ReadList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The feed's decisions on a manual clock: which transport, when to poll, when to climb back. No threads,
 * no servers, no waiting: each test is a restaurant's bad hour in a few events. When a live socket is
 * dead: {@link HeartbeatTest}.
 */
class TierMachineTest extends TierMachineFixture {
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
