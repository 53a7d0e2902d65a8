-- LOG-1: the sign-ins of the server's administrators (realm master) who administer this realm are
-- ingested as a third kind of event, with a cursor of its own.
INSERT INTO ingest_cursor (kind, last_time) VALUES ('SERVER', 0);
