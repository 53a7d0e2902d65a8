-- Ingest of Keycloak's events (LOG-1, LOG-3): which events are already in the chain, so a pull that
-- overlaps the previous one (or runs again after a crash) never records an event twice.
CREATE TABLE ingested_event (
    source_id  VARCHAR(64)              NOT NULL PRIMARY KEY,
    kind       VARCHAR(8)               NOT NULL,
    event_time TIMESTAMP WITH TIME ZONE NOT NULL,
    audit_seq  BIGINT                   NOT NULL
);

-- Where each kind of event was read up to (epoch milliseconds of the newest ingested event).
CREATE TABLE ingest_cursor (
    kind      VARCHAR(8) NOT NULL PRIMARY KEY,
    last_time BIGINT     NOT NULL
);

INSERT INTO ingest_cursor (kind, last_time) VALUES ('USER', 0);
INSERT INTO ingest_cursor (kind, last_time) VALUES ('ADMIN', 0);
