-- Signed checkpoints of the audit chain (LOG-5): each pins the chain's length and last hash with a
-- JWS made with a key the database does not hold. Insert-only, like audit_record.
CREATE TABLE audit_checkpoint (
    seq        BIGINT                   NOT NULL PRIMARY KEY,
    entry_hash CHAR(64)                 NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    jws        VARCHAR(2000)            NOT NULL
);
