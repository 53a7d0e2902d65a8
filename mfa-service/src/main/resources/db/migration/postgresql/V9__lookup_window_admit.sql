-- A lookup's whole window check in one call, so one round trip instead of six (LookupWindows.admit;
-- on H2 the same statements are sent one by one). Counts are taken before this lookup is added; the
-- caller rolls the transaction back if it refuses the lookup, so a refused lookup is not counted.
--
-- Each statement below takes a fresh snapshot (READ COMMITTED, VOLATILE function): the counts,
-- made after the account's row lock is held, see every lookup of that account committed before,
-- whichever instance made it.
--
-- synchronous_commit is switched off for this transaction only: the lookup's REQUESTED audit
-- record is committed durably right after, and that flush carries this WAL with it.
CREATE FUNCTION lookup_window_admit(
    p_subject VARCHAR, p_citizen_ref VARCHAR, p_at TIMESTAMPTZ,
    p_minute_start TIMESTAMPTZ, p_hour_start TIMESTAMPTZ, p_cap INTEGER,
    OUT last_flagged TIMESTAMPTZ, OUT admitted_last_minute BIGINT,
    OUT other_citizens_last_hour BIGINT)
LANGUAGE plpgsql VOLATILE AS $$
BEGIN
    PERFORM set_config('synchronous_commit', 'off', true);
    SELECT a.bulk_flagged_at INTO last_flagged
        FROM lookup_account a WHERE a.subject = p_subject FOR UPDATE;
    IF NOT FOUND THEN
        INSERT INTO lookup_account (subject) VALUES (p_subject) ON CONFLICT DO NOTHING;
        SELECT a.bulk_flagged_at INTO last_flagged
            FROM lookup_account a WHERE a.subject = p_subject FOR UPDATE;
    END IF;
    SELECT COUNT(*) INTO admitted_last_minute
        FROM lookup_admission WHERE subject = p_subject AND admitted_at >= p_minute_start;
    SELECT COUNT(*) INTO other_citizens_last_hour
        FROM (SELECT 1 FROM lookup_citizen
              WHERE subject = p_subject AND last_at >= p_hour_start AND citizen_ref <> p_citizen_ref
              LIMIT p_cap) c;
    INSERT INTO lookup_admission (subject, admitted_at) VALUES (p_subject, p_at);
    INSERT INTO lookup_citizen (subject, citizen_ref, last_at) VALUES (p_subject, p_citizen_ref, p_at)
        ON CONFLICT (subject, citizen_ref) DO UPDATE SET last_at = EXCLUDED.last_at;
END
$$;
