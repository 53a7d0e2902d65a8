package vn.yte.iam.mfa.ingest;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The ingest bookkeeping: ids already in the chain, and the cursor per kind of event. */
@Repository
class IngestRepository {
  private final JdbcClient jdbc;

  IngestRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
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

  void remember(String id, String kind, long timeMillis, long auditSeq) {
    jdbc.sql(
            "INSERT INTO ingested_event (source_id, kind, event_time, audit_seq) VALUES (?, ?, ?, ?)")
        .params(id, kind, Timestamp.from(Instant.ofEpochMilli(timeMillis)), auditSeq)
        .update();
  }

  long count() {
    return jdbc.sql("SELECT COUNT(*) FROM ingested_event").query(Long.class).single();
  }
}
