package vn.yte.iam.mfa.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.yte.iam.mfa.store.Database;

/**
 * {@code audit_record} gets INSERT and SELECT only, never UPDATE or DELETE; the one row of {@code
 * audit_chain_head} is the only thing the service updates.
 */
@Repository
class AuditRepository {
  /** The columns of {@link AuditEvent#values()}, in that order. */
  private static final List<String> EVENT_COLUMNS =
      List.of(
          "event_type",
          "outcome",
          "actor_subject",
          "actor_username",
          "session_id",
          "client_id",
          "source_ip",
          "workstation",
          "citizen_ref",
          "citizen_masked",
          "purpose",
          "detail");

  /** Header columns, then the event's, then the hashes. */
  private static final String COLUMNS =
      "seq, format_version, recorded_at, "
          + String.join(", ", EVENT_COLUMNS)
          + ", prev_hash, entry_hash";

  /**
   * PostgreSQL: a group of records sealed onto the head the writer last saw, stored by one
   * statement. The head moves only if it is still where the writer saw it, and the rows, passed as
   * one array per column, are inserted only if it moved.
   */
  private static final String APPEND_IF_HEAD_IS =
      "WITH moved AS (UPDATE audit_chain_head SET last_seq = ?, last_hash = ?"
          + " WHERE id = 1 AND last_seq = ? AND last_hash = ? RETURNING id)"
          + " INSERT INTO audit_record ("
          + COLUMNS
          + ") SELECT r.seq, ?::smallint, ?, "
          + EVENT_COLUMNS.stream().map(c -> "r." + c).collect(Collectors.joining(", "))
          + ", r.prev_hash, r.entry_hash FROM unnest(?::bigint[]"
          + ", ?::text[]".repeat(EVENT_COLUMNS.size() + 2)
          + ") AS r(seq, "
          + String.join(", ", EVENT_COLUMNS)
          + ", prev_hash, entry_hash) WHERE EXISTS (SELECT 1 FROM moved)";

  private static final RowMapper<HashChain.Head> HEAD =
      (rs, n) -> new HashChain.Head(rs.getLong("last_seq"), rs.getString("last_hash"));

  private final JdbcClient jdbc;
  private final JdbcTemplate streaming;
  private final boolean postgres;

  AuditRepository(JdbcClient jdbc, DataSource dataSource) throws SQLException {
    this.jdbc = jdbc;
    this.postgres = Database.isPostgres(dataSource);
    // A template of its own so the fetch size for streaming the chain applies to nothing else.
    this.streaming = new JdbcTemplate(dataSource);
    this.streaming.setFetchSize(1000);
  }

  /** Locks the single head row, serialising appends across every instance sharing the DB. */
  HashChain.Head lockHead() {
    return jdbc.sql("SELECT last_seq, last_hash FROM audit_chain_head WHERE id = 1 FOR UPDATE")
        .query(HEAD)
        .single();
  }

  HashChain.Head head() {
    return jdbc.sql("SELECT last_seq, last_hash FROM audit_chain_head WHERE id = 1")
        .query(HEAD)
        .single();
  }

  /** One batch: a round trip per batch rather than per record, for bulk ingest. */
  void insertAll(List<AuditRecord> records) {
    streaming.batchUpdate(
        "INSERT INTO audit_record ("
            + COLUMNS
            + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        records,
        records.size(),
        (ps, r) -> {
          int i = 1;
          ps.setLong(i++, r.seq());
          ps.setInt(i++, r.formatVersion());
          ps.setTimestamp(i++, Timestamp.from(r.recordedAt()));
          for (String value : r.event().values()) {
            ps.setString(i++, value);
          }
          ps.setString(i++, r.prevHash());
          ps.setString(i, r.entryHash());
        });
  }

  /** Whether {@link #appendIfHeadIs} can be used: on PostgreSQL. */
  boolean appendsInOneStatement() {
    return postgres;
  }

  /**
   * Stores {@code records}, sealed in order onto {@code expected}, and moves the head to the last
   * of them, in one statement: one round trip instead of four when run outside a transaction, where
   * it commits on its own. Returns false, having stored nothing, if the head is no longer {@code
   * expected} (another writer appended). All records of a group share one time.
   */
  boolean appendIfHeadIs(HashChain.Head expected, List<AuditRecord> records) {
    AuditRecord first = records.get(0);
    AuditRecord last = records.get(records.size() - 1);
    if (records.stream()
        .anyMatch(
            r ->
                r.formatVersion() != first.formatVersion()
                    || !r.recordedAt().equals(first.recordedAt()))) {
      throw new IllegalArgumentException("A group's records share one time and format version");
    }
    List<Object> params = new ArrayList<>();
    params.addAll(List.of(last.seq(), last.entryHash(), expected.lastSeq(), expected.lastHash()));
    params.add(first.formatVersion());
    params.add(Timestamp.from(first.recordedAt()));
    params.add(records.stream().mapToLong(AuditRecord::seq).toArray());
    List<List<String>> values = records.stream().map(r -> r.event().values()).toList();
    for (int i = 0; i < EVENT_COLUMNS.size(); i++) {
      int column = i;
      params.add(values.stream().map(v -> v.get(column)).toArray(String[]::new));
    }
    params.add(records.stream().map(AuditRecord::prevHash).toArray(String[]::new));
    params.add(records.stream().map(AuditRecord::entryHash).toArray(String[]::new));
    return jdbc.sql(APPEND_IF_HEAD_IS).params(params).update() == records.size();
  }

  Optional<String> entryHash(long seq) {
    return jdbc.sql("SELECT entry_hash FROM audit_record WHERE seq = ?")
        .param(seq)
        .query(String.class)
        .optional();
  }

  /** The hashes of these records, by seq: what the neighbours of a displayed record link to. */
  Map<Long, Links> links(Collection<Long> seqs) {
    if (seqs.isEmpty()) {
      return Map.of();
    }
    String marks = String.join(", ", Collections.nCopies(seqs.size(), "?"));
    return jdbc
        .sql("SELECT seq, prev_hash, entry_hash FROM audit_record WHERE seq IN (" + marks + ")")
        .params(new ArrayList<>(seqs))
        .query(
            (rs, n) ->
                Map.entry(
                    rs.getLong("seq"),
                    new Links(rs.getString("prev_hash"), rs.getString("entry_hash"))))
        .stream()
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
  }

  record Links(String prevHash, String entryHash) {}

  void advanceHead(long seq, String hash) {
    jdbc.sql("UPDATE audit_chain_head SET last_seq = ?, last_hash = ? WHERE id = 1")
        .params(seq, hash)
        .update();
  }

  List<AuditRecord> find(AuditQuery q) {
    StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM audit_record WHERE 1 = 1");
    List<Object> params = new ArrayList<>();
    if (q.username() != null) {
      sql.append(" AND actor_username = ?");
      params.add(q.username());
    }
    if (q.citizenRef() != null) {
      sql.append(" AND citizen_ref = ?");
      params.add(q.citizenRef());
    }
    if (q.sessionId() != null) {
      sql.append(" AND session_id = ?");
      params.add(q.sessionId());
    }
    if (q.clientId() != null) {
      sql.append(" AND client_id = ?");
      params.add(q.clientId());
    }
    if (q.from() != null) {
      sql.append(" AND recorded_at >= ?");
      params.add(Timestamp.from(q.from()));
    }
    if (q.to() != null) {
      sql.append(" AND recorded_at < ?");
      params.add(Timestamp.from(q.to()));
    }
    sql.append(" ORDER BY seq DESC LIMIT ?");
    params.add(q.limit());
    return jdbc.sql(sql.toString()).params(params).query(AuditRepository::map).list();
  }

  /** Up to {@code limit} records after {@code seq}, oldest first; of one type unless null. */
  List<AuditRecord> after(long seq, String type, int limit) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM audit_record WHERE seq > ?"
                + (type == null ? "" : " AND event_type = ?")
                + " ORDER BY seq LIMIT ?")
        .params(type == null ? List.of(seq, limit) : List.of(seq, type, limit))
        .query(AuditRepository::map)
        .list();
  }

  /** The newest {@code limit} records of one type, newest first. */
  List<AuditRecord> latest(String type, int limit) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM audit_record WHERE event_type = ? ORDER BY seq DESC LIMIT ?")
        .params(type, limit)
        .query(AuditRepository::map)
        .list();
  }

  /** Records {@code from..to} (inclusive) in order, streamed; the caller must close the stream. */
  Stream<AuditRecord> streamRange(long from, long to) {
    return streaming.queryForStream(
        "SELECT " + COLUMNS + " FROM audit_record WHERE seq BETWEEN ? AND ? ORDER BY seq",
        AuditRepository::map,
        from,
        to);
  }

  /** The whole chain in order, streamed from a cursor; the caller must close the stream. */
  Stream<AuditRecord> streamInOrder() {
    return streaming.queryForStream(
        "SELECT " + COLUMNS + " FROM audit_record ORDER BY seq", AuditRepository::map);
  }

  private static AuditRecord map(ResultSet rs, int row) throws SQLException {
    Instant recordedAt = rs.getTimestamp("recorded_at").toInstant();
    AuditEvent e =
        new AuditEvent(
            rs.getString("event_type"),
            rs.getString("outcome"),
            rs.getString("actor_subject"),
            rs.getString("actor_username"),
            rs.getString("session_id"),
            rs.getString("client_id"),
            rs.getString("source_ip"),
            rs.getString("workstation"),
            rs.getString("citizen_ref"),
            rs.getString("citizen_masked"),
            rs.getString("purpose"),
            rs.getString("detail"));
    return new AuditRecord(
        rs.getLong("seq"),
        rs.getInt("format_version"),
        recordedAt,
        e,
        rs.getString("prev_hash"),
        rs.getString("entry_hash"));
  }
}
