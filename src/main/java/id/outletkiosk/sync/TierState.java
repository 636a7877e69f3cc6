package id.outletkiosk.sync;

import id.outletkiosk.model.FeedMode;

/**
 * Where the {@link TierMachine} is: not started, settling (no transport live, walking down the tiers),
 * live on one transport, climbing (live, while a better tier is tried), or closed. Immutable: the
 * machine moves by replacing its state, and logs each move with its reason.
 */
sealed interface TierState {
    /** Not started. */
    record Idle() implements TierState {
    }

    /** No transport live: walking down the tiers. */
    record Settling(Attempt attempt) implements TierState {
    }

    /** On a transport; a climb is due at {@code climbAtNanos} ({@link TierMachine#NEVER} on the best tier). */
    record Live(Transport on, long climbAtNanos) implements TierState {
    }

    /** On a transport while a better one is tried. */
    record Climbing(Transport on, Attempt attempt) implements TierState {
    }

    /** Closed: every event is ignored. */
    record Closed() implements TierState {
    }

    /** How far an attempt on a tier has got: a socket connects first; every tier then reads its list. */
    enum Step {
        CONNECTING, CATCHING_UP
    }

    /** One try of one tier, begun at {@code startedNanos}. */
    record Attempt(long ticket, FeedMode tier, Step step, long startedNanos) {
        Attempt catchingUp() {
            return new Attempt(ticket, tier, Step.CATCHING_UP, startedNanos);
        }
    }

    /** The transport orders come over now; OFFLINE has none. */
    record Transport(long ticket, FeedMode tier) {
        boolean isSocket() {
            return isSocketTier(tier);
        }
    }

    /** The live transport, or {@code null} while settling (and before start, after close). */
    default Transport liveTransport() {
        if (this instanceof Live live) {
            return live.on();
        }
        return this instanceof Climbing climbing ? climbing.on() : null;
    }

    /** The attempt in progress, or {@code null}. */
    default Attempt attemptInProgress() {
        if (this instanceof Settling settling) {
            return settling.attempt();
        }
        return this instanceof Climbing climbing ? climbing.attempt() : null;
    }

    /** The state as the machine's log line names it. */
    default String describe() {
        if (this instanceof Settling settling) {
            return "settling, trying " + settling.attempt().tier().wireName();
        }
        if (this instanceof Live live) {
            return "live on " + live.on().tier().wireName();
        }
        if (this instanceof Climbing climbing) {
            return "live on " + climbing.on().tier().wireName() + ", trying " + climbing.attempt().tier().wireName();
        }
        return this instanceof Idle ? "idle" : "closed";
    }

    /** Central's and the store server's sockets; polling and offline have none. */
    static boolean isSocketTier(FeedMode tier) {
        return tier == FeedMode.ONLINE || tier == FeedMode.LOCAL;
    }
}
