package vn.yte.iam.mfa.lookup;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.yte.iam.mfa.store.Database;

/**
 * The per-account lookup windows' tables (V7), shared by every instance on the database. {@link
 * #admit} runs in one transaction per lookup and locks the account's row first: the reads after it
 * then see every lookup of that account committed before, whichever instance made it.
 */
@Repository
class LookupWindows {
  private final JdbcClient jdbc;
  private final boolean postgres;

  LookupWindows(JdbcClient jdbc, DataSource dataSource) throws SQLException {
    this.jdbc = jdbc;
    this.postgres = Database.isPostgres(dataSource);
  }

  /**
   * Locks the account's row until the transaction ends (creating it on the account's first lookup),
   * reads its windows, and counts a lookup of {@code citizenRef} at {@code now} into them. Returns
   * the windows as they were before this lookup. The caller decides, and rolls the transaction back
   * to refuse. Other citizens than {@code citizenRef} are counted up to {@code cap}: enough to tell
   * whether a threshold is crossed, and bounded however busy the account is.
   */
  Window admit(
      String subject,
      String citizenRef,
      Instant now,
      Instant minuteStart,
      Instant hourStart,
      int cap) {
    if (postgres) {
      // V9: the same steps in one round trip, and without waiting for its own disk flush.
      return jdbc.sql("SELECT * FROM lookup_window_admit(?, ?, ?, ?, ?, ?)")
          .params(
              subject,
              citizenRef,
              Timestamp.from(now),
              Timestamp.from(minuteStart),
              Timestamp.from(hourStart),
              cap)
          .query((rs, n) -> new Window(lastFlagged(rs), rs.getLong(2), rs.getLong(3)))
          .single();
    }
    Optional<Instant> flagged = lockAccount(subject);
    Window window =
        jdbc.sql(
                "SELECT (SELECT COUNT(*) FROM lookup_admission WHERE subject = ?"
                    + " AND admitted_at >= ?), (SELECT COUNT(*) FROM (SELECT 1 FROM lookup_citizen"
                    + " WHERE subject = ? AND last_at >= ? AND citizen_ref <> ? LIMIT ?) c)")
            .params(
                subject,
                Timestamp.from(minuteStart),
                subject,
                Timestamp.from(hourStart),
                citizenRef,
                cap)
            .query((rs, n) -> new Window(flagged, rs.getLong(1), rs.getLong(2)))
            .single();
    Timestamp at = Timestamp.from(now);
    jdbc.sql("INSERT INTO lookup_admission (subject, admitted_at) VALUES (?, ?)")
        .params(subject, at)
        .update();
    // No race between the two: the account's row lock serialises its lookups.
    int seen =
        jdbc.sql("UPDATE lookup_citizen SET last_at = ? WHERE subject = ? AND citizen_ref = ?")
            .params(at, subject, citizenRef)
            .update();
    if (seen == 0) {
      jdbc.sql("INSERT INTO lookup_citizen (subject, citizen_ref, last_at) VALUES (?, ?, ?)")
          .params(subject, citizenRef, at)
          .update();
    }
    return window;
  }

  private Optional<Instant> lockAccount(String subject) {
    List<Optional<Instant>> row = selectForUpdate(subject);
    if (row.isEmpty()) {
      jdbc.sql("INSERT INTO lookup_account (subject) VALUES (?) ON CONFLICT DO NOTHING")
          .param(subject)
          .update();
      row = selectForUpdate(subject);
    }
    return row.get(0);
  }

  private List<Optional<Instant>> selectForUpdate(String subject) {
    return jdbc.sql("SELECT bulk_flagged_at FROM lookup_account WHERE subject = ? FOR UPDATE")
        .param(subject)
        .query((rs, n) -> lastFlagged(rs))
        .list();
  }

  /** The first column: when the account's last bulk-lookup alert was raised, if ever. */
  private static Optional<Instant> lastFlagged(ResultSet rs) throws SQLException {
    return Optional.ofNullable(rs.getTimestamp(1)).map(Timestamp::toInstant);
  }

  /**
   * An account's windows before a lookup: when its last bulk-lookup alert was raised, if ever; the
   * lookups admitted in the last minute; the other citizens looked up in the last hour (capped).
   */
  record Window(
      Optional<Instant> lastFlagged, long admittedLastMinute, long otherCitizensLastHour) {}

  void flagBulk(String subject, Instant now) {
    jdbc.sql("UPDATE lookup_account SET bulk_flagged_at = ? WHERE subject = ?")
        .params(Timestamp.from(now), subject)
        .update();
  }

  /** Deletes rows older than the given times; returns how many. Repeating it is harmless. */
  int prune(Instant admissionsBefore, Instant citizensBefore) {
    return jdbc.sql("DELETE FROM lookup_admission WHERE admitted_at < ?")
            .param(Timestamp.from(admissionsBefore))
            .update()
        + jdbc.sql("DELETE FROM lookup_citizen WHERE last_at < ?")
            .param(Timestamp.from(citizensBefore))
            .update();
  }
}
