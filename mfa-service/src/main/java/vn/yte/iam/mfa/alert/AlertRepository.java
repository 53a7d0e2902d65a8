package vn.yte.iam.mfa.alert;

import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The window counts of {@link Detections}, in SQL. */
@Repository
class AlertRepository implements Detections.Counts {
  private final JdbcClient jdbc;

  AlertRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public long failuresOf(String username, Instant since, Instant until) {
    return jdbc.sql(
            "SELECT COUNT(*) FROM audit_record WHERE actor_username = ? AND event_type = ?"
                + " AND recorded_at >= ? AND recorded_at <= ?")
        .params(username, Detections.LOGIN_ERROR, Timestamp.from(since), Timestamp.from(until))
        .query(Long.class)
        .single();
  }

  @Override
  public long accountsFailingFrom(String address, Instant since, Instant until) {
    return jdbc.sql(
            "SELECT COUNT(DISTINCT actor_username) FROM audit_record WHERE source_ip = ?"
                + " AND event_type = ? AND recorded_at >= ? AND recorded_at <= ?")
        .params(address, Detections.LOGIN_ERROR, Timestamp.from(since), Timestamp.from(until))
        .query(Long.class)
        .single();
  }

  @Override
  public boolean alerted(String kind, String username, String address, Instant since) {
    String who = username != null ? "actor_username = ?" : "source_ip = ?";
    return jdbc.sql(
                "SELECT COUNT(*) FROM audit_record WHERE "
                    + who
                    + " AND event_type = ? AND outcome = ? AND recorded_at >= ?")
            .params(username != null ? username : address, Alert.TYPE, kind, Timestamp.from(since))
            .query(Long.class)
            .single()
        > 0;
  }
}
