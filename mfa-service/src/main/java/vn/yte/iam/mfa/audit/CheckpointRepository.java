package vn.yte.iam.mfa.audit;

import java.sql.Timestamp;
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

  List<Checkpoint> all() {
    return jdbc.sql("SELECT * FROM audit_checkpoint ORDER BY seq").query(ROW).list();
  }
}
