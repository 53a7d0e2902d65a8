-- Append-only, hash-chained audit log (LOG-1..LOG-5). See HashChain for the canonical encoding.
CREATE TABLE audit_record (
    seq            BIGINT                   NOT NULL PRIMARY KEY,
    format_version SMALLINT                 NOT NULL,
    recorded_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    event_type     VARCHAR(64)              NOT NULL,
    outcome        VARCHAR(32)              NOT NULL,
    actor_subject  VARCHAR(255),
    actor_username VARCHAR(255),
    session_id     VARCHAR(255),
    client_id      VARCHAR(255),
    source_ip      VARCHAR(64),
    workstation    VARCHAR(128),
    citizen_ref    VARCHAR(64),
    citizen_masked VARCHAR(16),
    purpose        VARCHAR(32),
    detail         VARCHAR(2000),
    prev_hash      CHAR(64)                 NOT NULL,
    entry_hash     CHAR(64)                 NOT NULL UNIQUE
);

CREATE INDEX audit_record_user_time ON audit_record (actor_username, recorded_at);
CREATE INDEX audit_record_citizen_time ON audit_record (citizen_ref, recorded_at);
CREATE INDEX audit_record_session ON audit_record (session_id);
CREATE INDEX audit_record_time ON audit_record (recorded_at);

-- The chain's end, locked by every append so concurrent writers form one chain, and compared by
-- verification so that removing records from the end is detected too.
CREATE TABLE audit_chain_head (
    id        SMALLINT NOT NULL PRIMARY KEY,
    last_seq  BIGINT   NOT NULL,
    last_hash CHAR(64) NOT NULL
);

INSERT INTO audit_chain_head (id, last_seq, last_hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
