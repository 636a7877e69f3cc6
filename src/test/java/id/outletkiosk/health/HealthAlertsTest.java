package id.outletkiosk.health;

import static org.assertj.core.api.Assertions.assertThat;

import id.outletkiosk.config.Settings;
import id.outletkiosk.model.FeedMode;
import id.outletkiosk.model.FeedStatus;
import id.outletkiosk.model.OutboxStatus;
import id.outletkiosk.model.StoreDisk;
import id.outletkiosk.model.SyncState;
import id.outletkiosk.model.SyncStatus;
import id.outletkiosk.sync.ModeTimes;
import id.outletkiosk.testing.SteppingClock;
import id.outletkiosk.testing.TestClocks;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each alert at its threshold, and the silences that are not faults. */
class HealthAlertsTest {
    private static final Instant NOON = TestClocks.NOON; // 12:00 in Jakarta
    private static final Settings.AlertOptions TEN_TO_TEN = new Settings.AlertOptions(Duration.ofMinutes(10),
            Duration.ofMinutes(45), LocalTime.of(10, 0), LocalTime.of(22, 0));
    private final HealthAlerts alerts = new HealthAlerts(Duration.ofHours(24), TEN_TO_TEN, TestClocks.JAKARTA);

    private static SyncStatus syncedAt(Instant lastSuccess) {
        return new SyncStatus(SyncState.IDLE, 1, Map.of(), Map.of(), lastSuccess, lastSuccess, null, null,
                Duration.ofHours(24));
    }

    private static OutboxStatus outbox(int queued, Duration oldest, int attention) {
        return new OutboxStatus(queued, 0, attention, oldest, 0, 0, 0, Duration.ZERO);
    }

    private static FeedStatus heardAt(Instant lastEvent) {
        return new FeedStatus(FeedMode.ONLINE, NOON.minusSeconds(7200), true, false, false, false, null, 0, lastEvent,
                null, 0);
    }

    private List<Alert.Kind> kindsAt(Instant now, SyncStatus sync, OutboxStatus outbox, FeedStatus feed) {
        return alerts.check(sync, outbox, feed, NOON.minus(Duration.ofHours(3)), now).stream().map(Alert::kind).toList();
    }

    @Test
    void aHealthyStoreHasNoAlerts() {
        assertThat(kindsAt(NOON, syncedAt(NOON.minusSeconds(3600)), outbox(2, Duration.ofMinutes(3), 0),
                heardAt(NOON.minusSeconds(60)))).isEmpty();
    }

    @Test
    void aMenuOlderThanTheThreshold_orNeverSynced_isOutdated() {
        assertThat(kindsAt(NOON, syncedAt(NOON.minus(Duration.ofHours(24)).minusSeconds(1)), null, null))
                .containsExactly(Alert.Kind.MENU_OUTDATED);
        assertThat(kindsAt(NOON, syncedAt(NOON.minus(Duration.ofHours(23))), null, null)).isEmpty();
        Alert never = alerts.check(syncedAt(null), null, null, NOON, NOON).get(0);
        assertThat(never.kind()).isEqualTo(Alert.Kind.MENU_OUTDATED);
        assertThat(never.age()).isNull();
    }

    @Test
    void anOrderWaitingOverTenMinutes_andRefusedOrders_areFlaggedWithTheirCounts() {
        List<Alert> found = alerts.check(null, outbox(3, Duration.ofMinutes(10).plusSeconds(1), 2), null, NOON, NOON);

        assertThat(found).extracting(Alert::kind).containsExactly(Alert.Kind.ORDERS_WAITING, Alert.Kind.ORDERS_REFUSED);
        assertThat(found.get(0).count()).isEqualTo(3);
        assertThat(found.get(0).age()).isEqualTo(Duration.ofMinutes(10).plusSeconds(1));
        assertThat(found.get(1).count()).isEqualTo(2);
        assertThat(kindsAt(NOON, null, outbox(3, Duration.ofMinutes(10), 0), null)).isEmpty();
    }

    @Test
    void aBumpWaitingOverTenMinutes_andRefusedStatusChanges_areFlaggedApartFromOrders() {
        OutboxStatus bumpsOnly = new OutboxStatus(0, 0, 0, Duration.ZERO, 0, 2, 1, Duration.ofMinutes(10).plusSeconds(1));

        List<Alert> found = alerts.check(null, bumpsOnly, null, NOON, NOON);

        assertThat(found).extracting(Alert::kind).containsExactly(Alert.Kind.STATUS_CHANGES_WAITING,
                Alert.Kind.STATUS_CHANGES_REFUSED);
        assertThat(found.get(0).count()).isEqualTo(2);
        assertThat(found.get(0).age()).isEqualTo(Duration.ofMinutes(10).plusSeconds(1));
        assertThat(found.get(1).count()).isEqualTo(1);
        assertThat(kindsAt(NOON, null, new OutboxStatus(0, 0, 0, Duration.ZERO, 0, 2, 0, Duration.ofMinutes(10)), null))
                .isEmpty();
    }

    @Test
    void silenceCountsOnlyWhileTheStoreIsOpen() {
        FeedStatus quietSinceEleven = heardAt(NOON.minus(Duration.ofMinutes(60)));
        assertThat(kindsAt(NOON, null, null, quietSinceEleven)).containsExactly(Alert.Kind.NO_ORDER_EVENTS);
        assertThat(kindsAt(NOON, null, null, heardAt(NOON.minus(Duration.ofMinutes(44))))).isEmpty();

        // 10:30, quiet since 21:50 yesterday: the store has been open only 30 minutes
        Instant halfPastTen = NOON.minus(Duration.ofMinutes(90));
        assertThat(kindsAt(halfPastTen, null, null, heardAt(halfPastTen.minus(Duration.ofHours(12).plusMinutes(40)))))
                .isEmpty();
        // 23:00, closed
        Instant elevenPm = NOON.plus(Duration.ofHours(11));
        assertThat(kindsAt(elevenPm, null, null, heardAt(NOON))).isEmpty();
    }

    @Test
    void noEventEver_silenceCountsFromWhenTheTerminalStartedListening() {
        assertThat(alerts.check(null, null, heardAt(null), NOON.minus(Duration.ofMinutes(50)), NOON))
                .extracting(Alert::kind).containsExactly(Alert.Kind.NO_ORDER_EVENTS);
        assertThat(alerts.check(null, null, heardAt(null), NOON.minus(Duration.ofMinutes(40)), NOON)).isEmpty();
    }

    @Test
    void openingHoursMayRunPastMidnight_andAlwaysMeansAlways() {
        var lateNight = new Settings.AlertOptions(Duration.ofMinutes(10), Duration.ofMinutes(45), LocalTime.of(16, 0),
                LocalTime.of(2, 0));
        assertThat(lateNight.isOpenAt(LocalTime.of(23, 30))).isTrue();
        assertThat(lateNight.isOpenAt(LocalTime.of(1, 59))).isTrue();
        assertThat(lateNight.isOpenAt(LocalTime.of(2, 0))).isFalse();
        assertThat(lateNight.isOpenAt(LocalTime.of(12, 0))).isFalse();
        var always = new Settings.AlertOptions(Duration.ofMinutes(10), Duration.ofMinutes(45), LocalTime.MIDNIGHT,
                LocalTime.MIDNIGHT);
        assertThat(always.isOpenAt(LocalTime.of(4, 0))).isTrue();
    }

    @Test
    void modeTimesAddUpTodaysStretches_andStartAgainAtMidnight() {
        SteppingClock clock = new SteppingClock(NOON.plus(Duration.ofHours(11)), TestClocks.JAKARTA); // 23:00
        ModeTimes times = new ModeTimes(clock, FeedMode.ONLINE);
        clock.advance(Duration.ofMinutes(30));
        times.enter(FeedMode.POLLING, clock.instant());
        clock.advance(Duration.ofMinutes(10));
        times.enter(FeedMode.POLLING, clock.instant()); // same mode again: nothing new
        clock.advance(Duration.ofMinutes(10));
        times.enter(FeedMode.ONLINE, clock.instant());
        clock.advance(Duration.ofMinutes(5));

        assertThat(times.today()).containsEntry(FeedMode.ONLINE, Duration.ofMinutes(35))
                .containsEntry(FeedMode.POLLING, Duration.ofMinutes(20)).containsEntry(FeedMode.OFFLINE, Duration.ZERO);

        clock.advance(Duration.ofMinutes(10)); // 00:05 the next day, still online since 23:50
        assertThat(times.today()).containsEntry(FeedMode.ONLINE, Duration.ofMinutes(5))
                .containsEntry(FeedMode.POLLING, Duration.ZERO);
    }

    private static FeedStatus on(FeedMode mode) {
        return new FeedStatus(mode, NOON.minusSeconds(600), mode == FeedMode.ONLINE, mode == FeedMode.LOCAL,
                mode == FeedMode.POLLING, false, null, 1, NOON.minusSeconds(30), null, 0);
    }

    private List<Alert> check(FeedStatus feed, HealthAlerts.Conditions conditions) {
        return alerts.check(syncedAt(NOON.minusSeconds(3600)), outbox(0, Duration.ZERO, 0), feed,
                NOON.minus(Duration.ofHours(3)), NOON, conditions);
    }

    @Test
    void headOfficeLost_saysSinceWhen_andWhoCarriesTheOrders() {
        Instant lost = NOON.minusSeconds(18 * 60); // 11:42 in Jakarta
        Alert viaStoreServer = check(on(FeedMode.LOCAL), new HealthAlerts.Conditions(lost, StoreDisk.FINE)).get(0);
        assertThat(viaStoreServer.kind()).isEqualTo(Alert.Kind.CENTRAL_UNREACHABLE);
        assertThat(viaStoreServer.since()).isEqualTo(lost);
        assertThat(check(on(FeedMode.POLLING), new HealthAlerts.Conditions(lost, StoreDisk.FINE)))
                .extracting(Alert::kind).containsExactly(Alert.Kind.CENTRAL_UNREACHABLE);
        assertThat(check(on(FeedMode.OFFLINE), new HealthAlerts.Conditions(lost, StoreDisk.FINE)))
                .extracting(Alert::kind).containsExactly(Alert.Kind.NOTHING_REACHABLE);
        // back on head office, or none configured (nothing lost): nothing to say
        assertThat(check(on(FeedMode.ONLINE), new HealthAlerts.Conditions(lost, StoreDisk.FINE))).isEmpty();
        assertThat(check(on(FeedMode.LOCAL), HealthAlerts.Conditions.NONE)).isEmpty();
    }

    @Test
    void aStoreThatCannotTakeWrites_comesFirst_withTheSpaceLeft() {
        List<Alert> found = check(on(FeedMode.LOCAL), new HealthAlerts.Conditions(NOON.minusSeconds(60),
                new StoreDisk(false, 0)));
        assertThat(found).extracting(Alert::kind).containsExactly(Alert.Kind.STORE_FULL, Alert.Kind.CENTRAL_UNREACHABLE);
        assertThat(found.get(0).count()).isZero();
        assertThat(check(on(FeedMode.ONLINE), new HealthAlerts.Conditions(null, new StoreDisk(true, 900)))).isEmpty();
    }

    @Test
    void theFeedIsOffHeadOfficeSinceItLeftIt_orSinceItStartedWhenItNeverGotThere() {
        SteppingClock clock = new SteppingClock(NOON, TestClocks.JAKARTA);
        ModeTimes times = new ModeTimes(clock, FeedMode.OFFLINE);
        clock.advance(Duration.ofSeconds(2));
        assertThat(times.offSince(FeedMode.ONLINE)).isEqualTo(NOON);
        times.enter(FeedMode.ONLINE, clock.instant());
        assertThat(times.offSince(FeedMode.ONLINE)).isNull();
        clock.advance(Duration.ofMinutes(40));
        Instant left = clock.instant();
        times.enter(FeedMode.LOCAL, left);
        clock.advance(Duration.ofMinutes(5));
        times.enter(FeedMode.POLLING, clock.instant()); // a worse tier later does not move "since"
        assertThat(times.offSince(FeedMode.ONLINE)).isEqualTo(left);
    }
}
