package vn.yte.iam.mfa.ingest;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.yte.iam.mfa.audit.AuditRecord;

/** The ingest bookkeeping: ids already in the chain, and the cursor per kind of event. */
@Repository
class IngestRepository {
  private final JdbcClient jdbc;
  private final JdbcTemplate batch;

  IngestRepository(JdbcClient jdbc, JdbcTemplate batch) {
    this.jdbc = jdbc;
    this.batch = batch;
  }

  /** Locks the kind's cursor row: instances sharing the database pull one at a time per kind. */
  long lockCursor(String kind) {
    return jdbc.sql("SELECT last_time FROM ingest_cursor WHERE kind = ? FOR UPDATE")
        .param(kind)
        .query(Long.class)
        .single();
  }

  void advanceCursor(String kind, long lastTime) {
    jdbc.sql("UPDATE ingest_cursor SET last_time = ? WHERE kind = ? AND last_time < ?")
        .params(lastTime, kind, lastTime)
        .update();
  }

  Set<String> alreadyIngested(Collection<String> ids) {
    if (ids.isEmpty()) {
      return Set.of();
    }
    String marks = String.join(",", java.util.Collections.nCopies(ids.size(), "?"));
    return new HashSet<>(
        jdbc.sql("SELECT source_id FROM ingested_event WHERE source_id IN (" + marks + ")")
            .params(List.copyOf(ids))
            .query(String.class)
            .list());
  }

  /**
   * Ties each event's id to the audit record it became, in one batch: a round trip per page rather
   * than per event. Run in the transaction that appended the records.
   */
  void rememberAll(List<KeycloakEvent> events, List<AuditRecord> records) {
    if (events.isEmpty()) {
      return; // nothing to tie: no round trip
    }
    batch.batchUpdate(
        "INSERT INTO ingested_event (source_id, kind, event_time, audit_seq) VALUES (?, ?, ?, ?)",
        IntStream.range(0, events.size()).boxed().toList(),
        events.size(),
        (ps, i) -> {
          KeycloakEvent e = events.get(i);
          ps.setString(1, e.id());
          ps.setString(2, e.kind());
          ps.setTimestamp(3, Timestamp.from(Instant.ofEpochMilli(e.time())));
          ps.setLong(4, records.get(i).seq());
        });
  }

  long count() {
    return jdbc.sql("SELECT COUNT(*) FROM ingested_event").query(Long.class).single();
  }
}
