package id.outletkiosk.sync;

import id.outletkiosk.api.BackendException;
import id.outletkiosk.api.CentralKitchenStatus;
import id.outletkiosk.api.KitchenStatusClient;
import id.outletkiosk.model.KitchenState;
import id.outletkiosk.store.WantedKitchenStatus;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the kitchen sets its state (open, busy with a wait, paused): written to the local store first,
 * then sent to the store server (which tells every screen of the store) and, through
 * {@link CentralKitchenStatus}, to central when it has a route for it. Sending runs on the one
 * {@link RetryLoop}: a server that is away is tried again with backoff, after a restart too, until it
 * holds the state. Only the latest setting is ever sent: a newer one replaces an older one not yet sent.
 * {@link #set} blocks on a disk write: call it off the FX thread.
 */
public final class KitchenStatusDesk implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(KitchenStatusDesk.class);

    private final WantedKitchenStatus wanted;
    private final KitchenStatusClient storeServer;
    private final CentralKitchenStatus central;
    private final long outletId;
    private final String terminal;
    private final Clock clock;
    private final RetryLoop loop;

    /**
     * @param storeServer the store server's switch, null when this terminal has no store server
     * @param terminal    this terminal's name, kept as who set the state
     */
    public KitchenStatusDesk(WantedKitchenStatus wanted, KitchenStatusClient storeServer, CentralKitchenStatus central,
            long outletId, String terminal, Clock clock, TaskScheduler scheduler, Backoff backoff) {
        this.wanted = wanted;
        this.storeServer = storeServer;
        this.central = central;
        this.outletId = outletId;
        this.terminal = terminal;
        this.clock = clock;
        this.loop = new RetryLoop("kitchen status", scheduler, backoff, null, this::send);
    }

    /** Sends what a restart left unsent. */
    public void start() {
        loop.wake();
    }

    /**
     * The kitchen's new state, durable when this returns; sent at once and until held.
     *
     * @param waitMinutes the expected wait while busy, else ignored
     */
    public KitchenState set(KitchenState.Status status, Integer waitMinutes) {
        KitchenState state = new KitchenState(status, waitMinutes, clock.instant(), terminal);
        wanted.want(outletId, state);
        LOG.info("kitchen set {} here; sending it", state);
        loop.wake();
        return state;
    }

    /** What this terminal last set, if it ever did (held by the servers or not). */
    public Optional<KitchenState> lastSet() {
        return wanted.latest().map(WantedKitchenStatus.Wanted::state);
    }

    /** Whether every server that should hold the last setting does. */
    public boolean allHeld() {
        return wanted.latest().map(this::held).orElse(true);
    }

    private boolean held(WantedKitchenStatus.Wanted latest) {
        return (storeServer == null || latest.storeServerHas())
                && (latest.centralHas() || !central.hasRoute());
    }

    private RetryLoop.Outcome send() {
        Optional<WantedKitchenStatus.Wanted> latest = wanted.latest();
        if (latest.isEmpty() || held(latest.get())) {
            return new RetryLoop.Outcome.Done(null);
        }
        WantedKitchenStatus.Wanted setting = latest.get();
        BackendException failure = null;
        if (storeServer != null && !setting.storeServerHas()) {
            failure = sendTo(WantedKitchenStatus.Server.STORE_SERVER, setting,
                    () -> storeServer.set(setting.outletId(), setting.state()));
        }
        if (!setting.centralHas() && central.hasRoute()) {
            BackendException centralFailure = sendTo(WantedKitchenStatus.Server.CENTRAL, setting,
                    () -> central.send(setting.outletId(), setting.state()));
            failure = failure == null ? centralFailure : failure;
        }
        // a newer setting made meanwhile woke the loop: the next run sends it
        return failure == null ? new RetryLoop.Outcome.Done(null)
                : new RetryLoop.Outcome.Failed(FailurePolicy.decide(failure), failure.getMessage());
    }

    /** @return the failure to retry, or null when the server holds it (or refused it for good: said once) */
    private BackendException sendTo(WantedKitchenStatus.Server server, WantedKitchenStatus.Wanted setting,
            Sending sending) {
        try {
            sending.send();
            wanted.heldBy(server, setting.version());
            LOG.info("kitchen {} held by the {}", setting.state(), server == WantedKitchenStatus.Server.CENTRAL
                    ? "backend" : "store server");
            return null;
        } catch (BackendException e) {
            if (e.problem() == BackendException.Problem.REJECTED) {
                // a store server without the switch (404), or a route central does not have: asking again
                // changes nothing; the screens still learn it from the other server, or not at all
                LOG.warn("kitchen {} refused for good, not sent again: {}", setting.state(), e.getMessage());
                wanted.heldBy(server, setting.version());
                return null;
            }
            return e;
        }
    }

    @FunctionalInterface
    private interface Sending {
        void send() throws BackendException;
    }

    @Override
    public void close() {
        loop.close();
    }
}
