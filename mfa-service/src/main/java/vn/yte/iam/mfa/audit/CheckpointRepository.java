package vn.yte.iam.mfa.audit;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** {@code audit_checkpoint}: insert and read only. */
@Repository
class CheckpointRepository {
  private static final RowMapper<Checkpoint> ROW =
      (rs, n) ->
          new Checkpoint(
              rs.getLong("seq"),
              rs.getString("entry_hash"),
              rs.getTimestamp("created_at").toInstant(),
              rs.getString("jws"));

  private final JdbcClient jdbc;

  CheckpointRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void insert(Checkpoint c) {
    jdbc.sql("INSERT INTO audit_checkpoint (seq, entry_hash, created_at, jws) VALUES (?, ?, ?, ?)")
        .params(c.seq(), c.entryHash(), Timestamp.from(c.createdAt()), c.jws())
        .update();
  }

  Optional<Checkpoint> last() {
    return jdbc.sql("SELECT * FROM audit_checkpoint ORDER BY seq DESC LIMIT 1")
        .query(ROW)
        .optional();
  }

  /**
   * The checkpoints that seal these records, ascending: for each record, the first checkpoint at or
   * after it, with the hash the record it names has now (null if it is gone). Records newer than
   * the last checkpoint have none.
   */
  List<Sealing> sealing(Collection<Long> recordSeqs) {
    if (recordSeqs.isEmpty()) {
      return List.of();
    }
    String rows = String.join(", ", Collections.nCopies(recordSeqs.size(), "(?)"));
    return jdbc.sql(
            "SELECT c.*, a.entry_hash AS record_hash FROM audit_checkpoint c JOIN (SELECT DISTINCT"
                + " (SELECT MIN(s.seq) FROM audit_checkpoint s WHERE s.seq >= r.seq) AS seq FROM"
                + " (VALUES "
                + rows
                + ") r(seq)) sealing ON sealing.seq = c.seq LEFT JOIN audit_record a ON a.seq ="
                + " c.seq ORDER BY c.seq")
        .params(new ArrayList<>(recordSeqs))
        .query((rs, n) -> new Sealing(ROW.mapRow(rs, n), rs.getString("record_hash")))
        .list();
  }

  /** A checkpoint, and the hash that the record it names has now. */
  record Sealing(Checkpoint checkpoint, String recordHash) {}

  List<Checkpoint> all() {
    return jdbc.sql("SELECT * FROM audit_checkpoint ORDER BY seq").query(ROW).list();
  }
}
