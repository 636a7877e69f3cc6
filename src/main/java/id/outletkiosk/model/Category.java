package id.outletkiosk.model;

import java.util.Objects;

/** A menu category as the backend defines it; {@code active == false} means kept but not shown. */
public record Category(long id, String name, int sortOrder, boolean active, long version) implements VersionedRow {
    public Category {
        Objects.requireNonNull(name, "name");
    }

    @Override
    public Category withVersion(long newVersion) {
        return new Category(id, name, sortOrder, active, newVersion);
    }
}
