package id.outletkiosk.sync;

import static org.assertj.core.api.Assertions.assertThat;

import id.outletkiosk.config.Settings;
import id.outletkiosk.model.FeedMode;
import id.outletkiosk.sync.FeedCommand.Connect;
import id.outletkiosk.sync.FeedCommand.PublishStatus;
import id.outletkiosk.sync.FeedCommand.ReadList;
import id.outletkiosk.sync.FeedCommand.SendPing;
import java.time.Duration;
import java.util.List;
import java.util.Random;

/** A {@link TierMachine} on a manual clock, and the walks the tests start from. */
abstract class TierMachineFixture {
    static final Settings.FeedTimings DEFAULTS = new Settings.FeedTimings(Duration.ofSeconds(2),
            Duration.ofSeconds(4), Duration.ofSeconds(3), Duration.ofSeconds(10), Duration.ofSeconds(15),
            Duration.ofMillis(800));
    static final List<FeedMode> ALL_TIERS = List.of(FeedMode.ONLINE, FeedMode.LOCAL, FeedMode.POLLING);

    TierMachine machine = freshMachine();
    long now = 1_000_000_000L;

    /** A machine over every tier with the default timings, not started. */
    static TierMachine freshMachine() {
        return new TierMachine(ALL_TIERS, DEFAULTS, new Backoff(Duration.ofMillis(500), Duration.ofSeconds(30),
                new Random(7)));
    }

    static long ms(long millis) {
        return Duration.ofMillis(millis).toNanos();
    }

    List<FeedCommand> tick() {
        return machine.tick(now, true);
    }

    static long ticketOf(List<FeedCommand> commands, FeedMode tier) {
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
    long liveOnLocal() {
        long central = ticketOf(machine.start(now), FeedMode.ONLINE);
        long local = ticketOf(machine.socketClosed(central, "refused", now), FeedMode.LOCAL);
        machine.socketOpened(local, now);
        machine.listRead(local, CatchUp.JOIN, null, now);
        assertThat(machine.mode()).isEqualTo(FeedMode.LOCAL);
        return local;
    }

    long liveOnCentral() {
        long central = ticketOf(machine.start(now), FeedMode.ONLINE);
        assertThat(machine.socketOpened(central, now)).containsExactly(new ReadList(central, FeedMode.ONLINE,
                CatchUp.JOIN));
        assertThat(machine.listRead(central, CatchUp.JOIN, null, now)).contains(new PublishStatus());
        return central;
    }

    long liveOnPolling() {
        long central = ticketOf(machine.start(now), FeedMode.ONLINE);
        long local = ticketOf(machine.socketClosed(central, "refused", now), FeedMode.LOCAL);
        long polling = ticketOf(machine.socketClosed(local, "refused", now), FeedMode.POLLING);
        machine.listRead(polling, CatchUp.JOIN, null, now);
        assertThat(machine.mode()).isEqualTo(FeedMode.POLLING);
        return polling;
    }

    long climbAt() {
        return ((TierState.Live) machine.state()).climbAtNanos();
    }

    /** Ticks every 100 ms, as the feed's loop does, until one sends a ping on {@code ticket}; returns its time. */
    long tickUntilPinged(long ticket) {
        for (int i = 0; i < 1_000; i++) {
            now += ms(100);
            if (tick().contains(new SendPing(ticket))) {
                return now;
            }
        }
        throw new AssertionError("never pinged");
    }
}
