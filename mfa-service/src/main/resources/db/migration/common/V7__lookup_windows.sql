-- Per-account lookup windows (LOG-2, SEC-2), in the database so that every mfa-service instance
-- sharing it enforces one limit per account, and a restart forgets nothing. Working state, not
-- evidence: rows older than the windows are deleted; the audit chain keeps the lookups themselves.

-- One row per account that has looked someone up. Locked by each lookup of that account, so the
-- count-then-admit of concurrent lookups (on any instance) is serialised per account.
CREATE TABLE lookup_account (
    subject         VARCHAR(255)             NOT NULL PRIMARY KEY,
    -- when the last bulk-lookup alert was raised; at most one an hour
    bulk_flagged_at TIMESTAMP WITH TIME ZONE
);

-- Each admitted lookup, for the sliding minute of the rate limit.
CREATE TABLE lookup_admission (
    subject     VARCHAR(255)             NOT NULL,
    admitted_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX lookup_admission_subject_time ON lookup_admission (subject, admitted_at);
CREATE INDEX lookup_admission_time ON lookup_admission (admitted_at);

-- The citizens each account looked up (pseudonyms), with the last time: the sliding hour of
-- distinct citizens for bulk-lookup detection.
CREATE TABLE lookup_citizen (
    subject     VARCHAR(255)             NOT NULL,
    citizen_ref VARCHAR(64)              NOT NULL,
    last_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (subject, citizen_ref)
);
CREATE INDEX lookup_citizen_subject_time ON lookup_citizen (subject, last_at);
CREATE INDEX lookup_citizen_time ON lookup_citizen (last_at);
