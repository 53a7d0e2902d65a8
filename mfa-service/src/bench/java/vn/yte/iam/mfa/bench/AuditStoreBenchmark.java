package vn.yte.iam.mfa.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.springframework.context.ConfigurableApplicationContext;
import vn.yte.iam.mfa.audit.AuditEvent;
import vn.yte.iam.mfa.audit.AuditQuery;
import vn.yte.iam.mfa.audit.AuditRecord;
import vn.yte.iam.mfa.audit.AuditService;
import vn.yte.iam.mfa.audit.Checkpoints;
import vn.yte.iam.mfa.audit.RecordIntegrity;
import vn.yte.iam.mfa.support.PostgresSchema;

/**
 * The audit store on PostgreSQL (LOG-1, LOG-5): bulk append with hashing as the Keycloak-event
 * ingest does it (batches under one head lock), full-chain verification, and one user's 30-day
 * trail among all records. A throw-away schema in database {@code test} on 127.0.0.1:5432.
 *
 * <p>Then appends one event per call, as lookups do, from 1 and from 16 threads at once; and last,
 * times a trail page with its integrity badges over a chain sealed every batch.
 *
 * <p>Arguments: events (default 200000), batch size (500), users (1000).
 */
public final class AuditStoreBenchmark {
  public static void main(String[] args) throws Exception {
    int events = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
    int batch = args.length > 1 ? Integer.parseInt(args[1]) : 500;
    int users = args.length > 2 ? Integer.parseInt(args[2]) : 1000;
    try (PostgresSchema schema = new PostgresSchema("yte_bench");
        ConfigurableApplicationContext context = startStore(schema)) {
      AuditService audit = context.getBean(AuditService.class);
      append(audit, Math.min(20_000, events), batch, users); // warm-up: JIT, pool, statistics
      long start = System.nanoTime();
      append(audit, events, batch, users);
      double seconds = (System.nanoTime() - start) / 1e9;
      System.out.printf(
          Locale.ROOT,
          "append: %d events in batches of %d: %.1f s, %.0f events/s%n",
          events,
          batch,
          seconds,
          events / seconds);

      long total = events + Math.min(20_000, events);
      start = System.nanoTime();
      boolean intact = audit.verify().isEmpty();
      seconds = (System.nanoTime() - start) / 1e9;
      System.out.printf(
          Locale.ROOT,
          "verify: %d records in %.1f s (%.0f records/s), intact=%b%n",
          total,
          seconds,
          total / seconds,
          intact);

      double[] millis = new double[200];
      for (int i = 0; i < millis.length; i++) {
        String user = "user" + (i * 7 % users);
        long t = System.nanoTime();
        audit.find(
            new AuditQuery(
                user, null, null, null, Instant.now().minus(Duration.ofDays(30)), null, 1000));
        millis[i] = (System.nanoTime() - t) / 1e6;
      }
      Arrays.sort(millis);
      System.out.printf(
          Locale.ROOT,
          "30-day trail of one user among %d records: p50 %.1f ms, p95 %.1f ms%n",
          total,
          millis[millis.length / 2],
          millis[(int) (millis.length * 0.95)]);

      appendOneByOne(audit, 4, 500); // warm-up of this path
      appendOneByOne(audit, 1, 3000);
      appendOneByOne(audit, 16, 500);

      badges(context, batch, users);
    }
  }

  /**
   * The auditor API's integrity badges (LOG-5): each record shown is checked against its neighbours
   * and against the signed checkpoint that seals it. Records are appended with a checkpoint after
   * every batch, so that each record of a user's trail is sealed by a checkpoint of its own: the
   * most checkpoints one page can need. Times the trail query alone and with the badges; the first
   * page also verifies every checkpoint's signature, later ones find them remembered.
   */
  private static void badges(ConfigurableApplicationContext context, int batch, int users) {
    AuditService audit = context.getBean(AuditService.class);
    Checkpoints checkpoints = context.getBean(Checkpoints.class);
    RecordIntegrity integrity = context.getBean(RecordIntegrity.class);
    int sealed = 0;
    for (int i = 0; i < 200; i++) {
      append(audit, batch, batch, users);
      sealed += checkpoints.seal().isPresent() ? 1 : 0;
    }
    double[] query = new double[200];
    double[] withBadges = new double[query.length];
    int shown = 0;
    for (int i = 0; i < query.length; i++) {
      AuditQuery trail =
          new AuditQuery(
              "user" + (i * 7 % users),
              null,
              null,
              null,
              Instant.now().minus(Duration.ofDays(30)),
              null,
              1000);
      long t = System.nanoTime();
      List<AuditRecord> records = audit.find(trail);
      long found = System.nanoTime();
      List<RecordIntegrity.Checked> checked = integrity.check(records);
      long end = System.nanoTime();
      if (checked.stream().anyMatch(c -> c.integrity() != RecordIntegrity.Badge.SEALED)) {
        throw new IllegalStateException("a record of an intact, sealed chain was not sealed");
      }
      query[i] = (found - t) / 1e6;
      withBadges[i] = (end - t) / 1e6;
      shown = Math.max(shown, records.size());
    }
    double first = withBadges[0];
    Arrays.sort(query);
    Arrays.sort(withBadges);
    System.out.printf(
        Locale.ROOT,
        "trail with badges, %d checkpoints, up to %d records a page:"
            + " query p50 %.1f / p95 %.1f ms; query and badges p50 %.1f / p95 %.1f ms;"
            + " first page (signatures not yet checked) %.1f ms%n",
        sealed,
        shown,
        query[query.length / 2],
        query[(int) (query.length * 0.95)],
        withBadges[withBadges.length / 2],
        withBadges[(int) (withBadges.length * 0.95)],
        first);
  }

  /**
   * {@code writers} threads each append {@code each} events one per call, each call returning once
   * its record is committed: what a lookup does twice. Prints the rate reached and call latency.
   */
  private static void appendOneByOne(AuditService audit, int writers, int each) throws Exception {
    double[] millis = new double[writers * each];
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    List<Future<?>> done = new ArrayList<>();
    long start = System.nanoTime();
    for (int w = 0; w < writers; w++) {
      int writer = w;
      done.add(
          pool.submit(
              () -> {
                for (int i = 0; i < each; i++) {
                  long t = System.nanoTime();
                  audit.append(
                      new AuditEvent(
                          "POPULATION_LOOKUP",
                          "REQUESTED",
                          "sub-writer" + writer,
                          "writer" + writer,
                          "sid-writer" + writer,
                          "his-demo",
                          "10.1.2." + writer,
                          null,
                          "ref-" + i,
                          "001******" + (100 + i % 900),
                          "TREATMENT",
                          "request=" + i));
                  millis[writer * each + i] = (System.nanoTime() - t) / 1e6;
                }
                return null;
              }));
    }
    for (Future<?> f : done) {
      f.get();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    pool.shutdown();
    Arrays.sort(millis);
    System.out.printf(
        Locale.ROOT,
        "one event per call, %d writer(s): %.0f appends/s, p50 %.2f ms, p99 %.2f ms%n",
        writers,
        millis.length / seconds,
        millis[millis.length / 2],
        millis[(int) (millis.length * 0.99)]);
  }

  /** mfa-service on the schema with nothing periodic running beside what is measured. */
  static ConfigurableApplicationContext startStore(PostgresSchema schema) {
    return schema.startService(
        "--yte.population.api-key=unused",
        "--yte.audit.checkpoint.key-file=target/bench-checkpoint-key.jwk.json",
        "--yte.audit.checkpoint.interval=1h",
        "--yte.alerts.interval=1h", // the alert detector would scan the records measured
        "--logging.level.root=WARN");
  }

  private static void append(AuditService audit, int events, int batch, int users) {
    List<AuditEvent> pending = new ArrayList<>(batch);
    for (int i = 0; i < events; i++) {
      String user = "user" + (i % users);
      pending.add(
          new AuditEvent(
              "KC_LOGIN",
              "SUCCESS",
              "sub-" + user,
              user,
              "sid-" + (i / 3),
              "his-demo",
              "10.1." + (i % 250) + ".7",
              null,
              null,
              null,
              null,
              "{auth_method=openid-connect, auth_type=code, code_id=" + i + "}"));
      if (pending.size() == batch) {
        audit.appendAll(pending);
        pending.clear();
      }
    }
    if (!pending.isEmpty()) {
      audit.appendAll(pending);
    }
  }
}
