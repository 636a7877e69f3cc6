package id.outletkiosk.model;

/**
 * Whether the local store can take writes, as the data folder's disk says: a kiosk that cannot keep an
 * order must stop taking them before a customer reaches the pay button, and the manager must read why.
 *
 * @param takesWrites   false once a write failed for want of space (until one succeeds again), or when
 *                      less than the floor is left
 * @param freeMegabytes what the data folder's disk still has, whole megabytes (rounded down)
 */
public record StoreDisk(boolean takesWrites, long freeMegabytes) {
    /** A disk with room: what a terminal without a store (a test double) reports. */
    public static final StoreDisk FINE = new StoreDisk(true, Long.MAX_VALUE / (1024 * 1024));
}
