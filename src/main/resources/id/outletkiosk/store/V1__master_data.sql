-- Master data as the backend sends it. Money is TEXT (exact decimal), times are epoch milliseconds.
CREATE TABLE categories (
    id          INTEGER PRIMARY KEY,
    name        TEXT    NOT NULL,
    sort_order  INTEGER NOT NULL DEFAULT 0,
    is_active   INTEGER NOT NULL,
    version     INTEGER NOT NULL
);

CREATE TABLE products (
    id           INTEGER PRIMARY KEY,
    name         TEXT    NOT NULL,
    category_id  INTEGER,
    price        TEXT    NOT NULL,
    description  TEXT,
    image_url    TEXT,
    is_available INTEGER NOT NULL,
    is_active    INTEGER NOT NULL,
    version      INTEGER NOT NULL,
    updated_at   TEXT
);
CREATE INDEX products_by_category ON products (category_id, name);

CREATE TABLE promotions (
    id             INTEGER PRIMARY KEY,
    name           TEXT    NOT NULL,
    description    TEXT,
    discount_type  TEXT    NOT NULL,
    discount_value TEXT    NOT NULL,
    starts_at      INTEGER NOT NULL,
    ends_at        INTEGER,
    is_active      INTEGER NOT NULL,
    version        INTEGER NOT NULL
);

CREATE TABLE promotion_products (
    promotion_id INTEGER NOT NULL,
    product_id   INTEGER NOT NULL,
    PRIMARY KEY (promotion_id, product_id)
) WITHOUT ROWID;
CREATE INDEX promotion_products_by_product ON promotion_products (product_id);

CREATE TABLE promotion_categories (
    promotion_id INTEGER NOT NULL,
    category_id  INTEGER NOT NULL,
    PRIMARY KEY (promotion_id, category_id)
) WITHOUT ROWID;
CREATE INDEX promotion_categories_by_category ON promotion_categories (category_id);

-- The version up to which each kind of master data is applied; moves only in the transaction that
-- applies the rows.
CREATE TABLE sync_versions (
    entity  TEXT    PRIMARY KEY,
    version INTEGER NOT NULL
);

-- One row per sync round: last attempt, last success and last error are read from here.
CREATE TABLE sync_rounds (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    started_at   INTEGER NOT NULL,
    duration_ms  INTEGER NOT NULL,
    succeeded    INTEGER NOT NULL,
    rows_changed INTEGER NOT NULL,
    bytes        INTEGER NOT NULL,
    error        TEXT
);
