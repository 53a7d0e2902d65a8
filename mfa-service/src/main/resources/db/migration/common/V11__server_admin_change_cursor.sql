-- LOG-1: the changes made in realm master to this realm's administration (server administrators
-- created, given or stripped of rights over it, reset, deleted) are ingested as a fourth kind of
-- event, with a cursor of its own. Its name is longer than the first kinds'; widening a VARCHAR
-- rewrites no rows.
ALTER TABLE ingested_event ALTER COLUMN kind SET DATA TYPE VARCHAR(16);
ALTER TABLE ingest_cursor ALTER COLUMN kind SET DATA TYPE VARCHAR(16);
INSERT INTO ingest_cursor (kind, last_time) VALUES ('SERVER_ADMIN', 0);
