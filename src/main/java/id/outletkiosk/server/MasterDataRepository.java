package id.outletkiosk.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import id.outletkiosk.api.MasterDataCodec;
import id.outletkiosk.model.EntityKind;
import id.outletkiosk.model.VersionedRow;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * The reference backend's master data, in memory, as the real backend keeps it: every create, update
 * or delete takes the next value of ONE global counter; a deleted row stays as a tombstone so
 * {@code since_version} readers learn of the deletion.
 */
public final class MasterDataRepository {
    private final Map<EntityKind, Table> tables = new EnumMap<>(EntityKind.class);
    private long counter;

    public MasterDataRepository() {
        for (EntityKind kind : EntityKind.values()) {
            tables.put(kind, new Table());
        }
    }

    /** What a {@code since_version} request answers: the current global version and the changed rows. */
    public record Changes(long version, List<ObjectNode> rows) {
    }

    public synchronized long version() {
        return counter;
    }

    /**
     * Rows of {@code kind} changed after {@code sinceVersion}, oldest change first. A full download
     * (version 0) leaves tombstones out: there is nothing for the reader to delete.
     */
    public synchronized Changes changesSince(EntityKind kind, long sinceVersion) {
        NavigableMap<Long, Entry> changed = tables.get(kind).byVersion.tailMap(sinceVersion, false);
        List<ObjectNode> rows = new ArrayList<>(changed.size());
        for (Entry entry : changed.values()) {
            if (entry.row != null || sinceVersion > 0) {
                rows.add(entry.json);
            }
        }
        return new Changes(counter, rows);
    }

    /** Inserts or replaces a row, stamping it with the next version. */
    public synchronized VersionedRow put(EntityKind kind, VersionedRow row) {
        VersionedRow stamped = row.withVersion(++counter);
        tables.get(kind).store(stamped.id(), new Entry(stamped, MasterDataCodec.encode(stamped)));
        return stamped;
    }

    /** Changes a live row; empty when there is none with that id. */
    public synchronized Optional<VersionedRow> update(EntityKind kind, long id, UnaryOperator<VersionedRow> change) {
        return live(kind, id).map(current -> put(kind, change.apply(current)));
    }

    /** Deletes a live row, leaving a tombstone; false when there is none with that id. */
    public synchronized boolean delete(EntityKind kind, long id) {
        if (live(kind, id).isEmpty()) {
            return false;
        }
        long version = ++counter;
        tables.get(kind).store(id, new Entry(null, MasterDataCodec.encodeTombstone(id, version)));
        return true;
    }

    public synchronized Optional<VersionedRow> live(EntityKind kind, long id) {
        Entry entry = tables.get(kind).byId.get(id);
        return entry == null ? Optional.empty() : Optional.ofNullable(entry.row);
    }

    public synchronized List<VersionedRow> liveRows(EntityKind kind) {
        List<VersionedRow> rows = new ArrayList<>();
        for (Entry entry : tables.get(kind).byVersion.values()) {
            if (entry.row != null) {
                rows.add(entry.row);
            }
        }
        rows.sort(java.util.Comparator.comparingLong(VersionedRow::id));
        return rows;
    }

    /** The next free id of a kind: ids are never reused, deleted ones included. */
    public synchronized long nextId(EntityKind kind) {
        return tables.get(kind).byId.keySet().stream().mapToLong(Long::longValue).max().orElse(0) + 1;
    }

    private record Entry(VersionedRow row, ObjectNode json) {
        long version() {
            return json.get("version").asLong();
        }
    }

    private static final class Table {
        final Map<Long, Entry> byId = new HashMap<>();
        final NavigableMap<Long, Entry> byVersion = new TreeMap<>();

        void store(long id, Entry entry) {
            Entry previous = byId.put(id, entry);
            if (previous != null) {
                byVersion.remove(previous.version());
            }
            byVersion.put(entry.version(), entry);
        }
    }
}
