-- The order log: one row per customer and Idempotency-Key, reserved before the provider is
-- called. Times are milliseconds since the epoch. The same columns as the SQLite migration.
CREATE TABLE orders (
    id                TEXT   PRIMARY KEY NOT NULL,
    customer          TEXT   NOT NULL,
    idem_key          TEXT   NOT NULL,
    -- SHA-256 of the body as received, hex: tells a replay from a reused key.
    body_sha256       TEXT   NOT NULL,
    -- The generic JSON (holds a CSR, public; never a private key): a resumed apply rebuilds from it.
    body              TEXT   NOT NULL,
    api               TEXT   NOT NULL,
    product_id        TEXT   NOT NULL,
    price_cents       BIGINT,
    state             TEXT   NOT NULL
        CHECK (state IN ('reserved', 'sending', 'bought', 'placed', 'refused', 'unknown')),
    cert_id           TEXT,
    provider_order_id TEXT,
    answer_status     BIGINT,
    answer_body       TEXT,
    created_ms        BIGINT NOT NULL,
    updated_ms        BIGINT NOT NULL,
    UNIQUE (customer, idem_key)
);
CREATE INDEX orders_by_state ON orders (state, updated_ms);
CREATE INDEX orders_by_customer ON orders (customer, state);

-- Who did what, with which outcome and how long it took. Never a body, a token, a query
-- string or a secret. No foreign key: rows of forgotten reservations stay.
CREATE TABLE audit (
    seq          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    order_id     TEXT,
    customer     TEXT   NOT NULL,
    action       TEXT   NOT NULL,
    outcome      TEXT   NOT NULL,
    provider_ids TEXT,
    http_status  BIGINT,
    elapsed_ms   BIGINT NOT NULL,
    at_ms        BIGINT NOT NULL
);
CREATE INDEX audit_by_order ON audit (order_id, seq);
