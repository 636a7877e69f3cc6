package id.outletkiosk.sync;

import id.outletkiosk.model.FeedMode;

/**
 * What the {@link TierMachine} asks its shell to do: the only way the pure machine touches sockets,
 * servers or listeners. Every command that starts something carries the ticket of the attempt or
 * transport it belongs to; its answer comes back with that ticket, so the machine can ignore answers
 * for attempts it has already given up.
 */
sealed interface FeedCommand {
    /** Open a socket to the tier's server (ONLINE or LOCAL); report opened / heard / closed with the ticket. */
    record Connect(long ticket, FeedMode tier) implements FeedCommand {
    }

    /** Close the socket of that ticket and forget it: anything it still reports is stale. */
    record CloseSocket(long ticket) implements FeedCommand {
    }

    /** Send the heartbeat ping on the live socket; report when it cannot be sent. */
    record SendPing(long ticket) implements FeedCommand {
    }

    /**
     * Read an order list, record and deliver what it holds (off the loop thread), then report the
     * outcome. {@code tier} names the server: ONLINE reads central's list, LOCAL and POLLING the store
     * server's.
     */
    record ReadList(long ticket, FeedMode tier, CatchUp why) implements FeedCommand {
    }

    /** The transport, its losses or the polling pause changed: tell the listeners. */
    record PublishStatus() implements FeedCommand {
    }

    /** A transport problem worth showing in the status, one line. */
    record NoteProblem(String line) implements FeedCommand {
    }
}
