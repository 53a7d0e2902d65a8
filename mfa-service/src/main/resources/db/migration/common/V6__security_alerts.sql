-- SEC-2: alerts are SECURITY_ALERT records in the chain. Cursors of what reads the chain in order:
-- the alert detector, the alert webhook and the syslog forwarder (LOG-4), each with its last seq.
CREATE TABLE delivery_cursor (
    name     VARCHAR(32) PRIMARY KEY,
    last_seq BIGINT      NOT NULL
);
INSERT INTO delivery_cursor (name, last_seq) VALUES ('detector', 0);
INSERT INTO delivery_cursor (name, last_seq) VALUES ('webhook', 0);
INSERT INTO delivery_cursor (name, last_seq) VALUES ('syslog', 0);

-- Password spraying is counted per source address; alerts are listed by type.
CREATE INDEX audit_record_source_time ON audit_record (source_ip, recorded_at);
CREATE INDEX audit_record_type_seq ON audit_record (event_type, seq);
