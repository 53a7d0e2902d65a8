package vn.yte.iam.mfa.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.springframework.context.ConfigurableApplicationContext;
import vn.yte.iam.mfa.audit.AuditQuery;
import vn.yte.iam.mfa.audit.AuditService;
import vn.yte.iam.mfa.support.PostgresSchema;

/**
 * An auditor's per-user 30-day trail (LOG-6) over a store the size of years of a large hospital's
 * logins and lookups: records spread evenly over {@code days}, each by one of {@code users}
 * accounts, the schema and indexes exactly as Flyway creates them, the query exactly as the auditor
 * API runs it ({@link AuditService#find}).
 *
 * <p>The records are generated inside PostgreSQL (INSERT ... SELECT), not appended through the
 * service: appending 50 million at ~13,000/s would take over an hour, and what is measured here is
 * the read. Their hashes are therefore not a valid chain; append and verification speed are
 * measured by {@link AuditStoreBenchmark}. Secondary indexes are dropped during the load and built
 * again from their own definitions afterwards, as a bulk restore would.
 *
 * <p>Arguments: records (50,000,000), users (10,000), days covered (365), queries (300).
 */
public final class TrailBenchmark {
  static final int CHUNK = 2_000_000;

  public static void main(String[] args) throws Exception {
    long records = args.length > 0 ? Long.parseLong(args[0]) : 50_000_000L;
    int users = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
    int days = args.length > 2 ? Integer.parseInt(args[2]) : 365;
    int queries = args.length > 3 ? Integer.parseInt(args[3]) : 300;
    try (PostgresSchema schema = new PostgresSchema("yte_trail");
        ConfigurableApplicationContext context = AuditStoreBenchmark.startStore(schema)) {
      Instant end = Instant.now();
      long start = System.nanoTime();
      try (Connection c = DriverManager.getConnection(PostgresSchema.URL, PostgresSchema.USER, "");
          Statement s = c.createStatement()) {
        s.execute("SET search_path TO " + schema.name());
        s.execute("SET maintenance_work_mem = '1GB'");
        List<String> rebuild = dropSecondaryIndexes(s);
        for (long from = 1; from <= records; from += CHUNK) {
          long to = Math.min(records, from + CHUNK - 1);
          s.execute(fill(from, to, records, users, days, end));
          System.out.printf(
              Locale.ROOT, "  %,d records (%.0f s)%n", to, (System.nanoTime() - start) / 1e9);
        }
        s.execute(
            "UPDATE audit_chain_head SET last_seq = "
                + records
                + ", last_hash = (SELECT entry_hash FROM audit_record WHERE seq = "
                + records
                + ")");
        long indexing = System.nanoTime();
        for (String ddl : rebuild) {
          s.execute(ddl);
        }
        s.execute("ANALYZE audit_record");
        System.out.printf(
            Locale.ROOT,
            "load: %,d records, %d users, %d days: %.0f s (of which indexes %.0f s); table and"
                + " indexes %s%n",
            records,
            users,
            days,
            (System.nanoTime() - start) / 1e9,
            (System.nanoTime() - indexing) / 1e9,
            size(s, schema.name()));
      }

      AuditService audit = context.getBean(AuditService.class);
      Random random = new Random(42);
      Instant since = end.minus(Duration.ofDays(30));
      for (int i = 0; i < 50; i++) { // warm-up: JIT and pool, not the cache (other users below)
        audit.find(
            new AuditQuery("user" + random.nextInt(users), null, null, null, since, null, 1000));
      }
      double[] millis = new double[queries];
      long rows = 0;
      for (int i = 0; i < queries; i++) {
        String user = "user" + random.nextInt(users);
        long t = System.nanoTime();
        rows += audit.find(new AuditQuery(user, null, null, null, since, null, 1000)).size();
        millis[i] = (System.nanoTime() - t) / 1e6;
      }
      Arrays.sort(millis);
      System.out.printf(
          Locale.ROOT,
          "30-day trail of one user among %,d records (%.0f records each on average): p50 %.1f"
              + " ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms (%d random users)%n",
          records,
          (double) rows / queries,
          millis[queries / 2],
          millis[(int) (queries * 0.95)],
          millis[(int) (queries * 0.99)],
          millis[queries - 1],
          queries);
    }
  }

  /** Drops the indexes other than the primary key; returns the DDL that builds them again. */
  static List<String> dropSecondaryIndexes(Statement s) throws Exception {
    List<String> rebuild = new ArrayList<>();
    List<String> drop = new ArrayList<>();
    try (ResultSet rs =
        s.executeQuery(
            "SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint"
                + " WHERE conrelid = 'audit_record'::regclass AND contype = 'u'")) {
      while (rs.next()) {
        drop.add("ALTER TABLE audit_record DROP CONSTRAINT " + rs.getString(1));
        rebuild.add(
            "ALTER TABLE audit_record ADD CONSTRAINT " + rs.getString(1) + " " + rs.getString(2));
      }
    }
    try (ResultSet rs =
        s.executeQuery(
            "SELECT i.indexname, i.indexdef FROM pg_indexes i"
                + " WHERE i.schemaname = current_schema() AND i.tablename = 'audit_record'"
                + " AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)")) {
      while (rs.next()) {
        drop.add("DROP INDEX " + rs.getString(1));
        rebuild.add(rs.getString(2));
      }
    }
    for (String ddl : drop) {
      s.execute(ddl);
    }
    return rebuild;
  }

  /**
   * Records {@code from..to}: time grows with seq over {@code days}; three logins for each lookup;
   * each record by a pseudo-random one of {@code users} accounts.
   */
  static String fill(long from, long to, long records, int users, int days, Instant end) {
    String user = "((i * 2654435761) % " + users + ")";
    return "INSERT INTO audit_record (seq, format_version, recorded_at, event_type, outcome,"
        + " actor_subject, actor_username, session_id, client_id, source_ip, workstation,"
        + " citizen_ref, citizen_masked, purpose, detail, prev_hash, entry_hash)"
        + " SELECT i, 1, TIMESTAMPTZ '"
        + end
        + "' - interval '1 day' * "
        + days
        + " * (1 - i::float8 / "
        + records
        + "),"
        + " CASE WHEN i % 4 = 0 THEN 'POPULATION_LOOKUP' ELSE 'KC_LOGIN' END, 'SUCCESS',"
        + " 'sub-user' || "
        + user
        + ", 'user' || "
        + user
        + ", 'sid-' || (i / 6), 'his-demo', '10.1.' || (i % 250) || '.7', 'PC-' || (i % 900),"
        + " CASE WHEN i % 4 = 0 THEN md5((i % 1000003)::text) || md5((i % 1000003)::text) END,"
        + " CASE WHEN i % 4 = 0 THEN '0010******45' END,"
        + " CASE WHEN i % 4 = 0 THEN 'TREATMENT' END,"
        + " '{auth_method=openid-connect, auth_type=code, code_id=' || i || '} acr=mfa',"
        + " md5((i - 1)::text) || md5((i - 1)::text || 'x'), md5(i::text) || md5(i::text || 'x')"
        + " FROM generate_series("
        + from
        + "::bigint, "
        + to
        + "::bigint) AS i";
  }

  static String size(Statement s, String schema) throws Exception {
    try (ResultSet rs =
        s.executeQuery(
            "SELECT pg_size_pretty(pg_table_size('audit_record')),"
                + " pg_size_pretty(pg_indexes_size('audit_record'))")) {
      rs.next();
      return rs.getString(1) + " + " + rs.getString(2) + " in schema " + schema;
    }
  }
}
