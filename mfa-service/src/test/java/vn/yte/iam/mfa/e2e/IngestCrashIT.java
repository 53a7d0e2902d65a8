package vn.yte.iam.mfa.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import vn.yte.iam.mfa.audit.AuditService;
import vn.yte.iam.mfa.support.KeycloakEventTable;
import vn.yte.iam.mfa.support.PostgresSchema;
import vn.yte.iam.mfa.support.ServerProcess;
import vn.yte.iam.testsupport.FreePorts;
import vn.yte.iam.testsupport.KeycloakServer;

/**
 * LOG-1 "nothing lost, nothing twice" with either side killed with SIGKILL in the middle of a
 * stream of logins, after 10 minutes down, and with events that share a millisecond across page
 * boundaries. Both run as processes of their own on PostgreSQL, as in production: Keycloak keeps
 * its events in its own schema, mfa-service its chain in another. Once the killed side is back, the
 * chain holds exactly the events Keycloak stored, each once, and verifies.
 */
class IngestCrashIT {
  static final String SERVICE_SECRET = "crash-secret-not-for-production";
  static final String ADMIN_PASSWORD = "Crash-Bootstrap-Admin-2026!x";

  /** A copy of the distribution: a PostgreSQL build must not replace the shared in-memory one. */
  @TempDir static Path keycloakHome;

  static PostgresSchema keycloakSchema;
  static int keycloakPort;
  static KeycloakServer keycloak;

  @BeforeAll
  static void startKeycloak() throws Exception {
    KeycloakServer.copyDistribution(KeycloakServer.distributionFromBuild(), keycloakHome);
    keycloakSchema = new PostgresSchema("kc_crash");
    keycloakSchema.execute("CREATE SCHEMA " + keycloakSchema.name());
    keycloakPort = FreePorts.next();
    keycloak = bootKeycloak();
  }

  /** First boot imports the realm; a boot after a kill finds it, and its events, in PostgreSQL. */
  static KeycloakServer bootKeycloak() {
    return KeycloakServer.builder(keycloakHome)
        .provider(Path.of(System.getProperty("provider.jar")))
        .importRealm(KeycloakServer.policiesDir().resolve("realm/yte-demo-realm.json"))
        .env("YTE_DEMO_CLINICIAN_PASSWORD", "Crash-Clinician-2026!x")
        .env("YTE_DEMO_ADMIN_PASSWORD", "Crash-Admin-2026!x")
        .env("YTE_DEMO_AUDITOR_PASSWORD", "Crash-Auditor-2026!x")
        .env("YTE_MFA_SERVICE_CLIENT_SECRET", SERVICE_SECRET)
        .env("YTE_DEMO_CLINICIAN_TOTP", "Crash-Clinician-Totp-1")
        .env("YTE_DEMO_ADMIN_TOTP", "Crash-Admin-Totp-Key-2")
        .env("YTE_DEMO_AUDITOR_TOTP", "Crash-Auditor-Totp-03")
        .postgres(PostgresSchema.URL, PostgresSchema.USER, keycloakSchema.name())
        .httpPort(keycloakPort)
        .adminPassword(ADMIN_PASSWORD)
        .start();
  }

  @AfterAll
  static void stopKeycloak() throws Exception {
    if (keycloak != null) {
      keycloak.close();
    }
    if (keycloakSchema != null) {
      keycloakSchema.close();
    }
  }

  @Test
  void killedMidIngestItLosesNothingAndRecordsNothingTwice(@TempDir Path dir) throws Exception {
    KeycloakEvents events = new KeycloakEvents(keycloak);
    try (PostgresSchema schema = new PostgresSchema("yte_crash")) {
      int n = 0;
      try (ServerProcess service = startService(schema, dir)) {
        for (; n < 40; n++) {
          failedLogin(events, n);
        }
        awaitIngested(schema, 1);
        // Killed while the stream goes on: no shutdown hook, no last commit, no goodbye.
        for (; n < 60; n++) {
          failedLogin(events, n);
        }
        service.kill();
      }
      for (; n < 100; n++) {
        failedLogin(events, n); // while it is dead
      }

      Set<String> inKeycloak = events.storedIds();
      assertThat(inKeycloak.size()).isGreaterThanOrEqualTo(100);
      try (ServerProcess service = startService(schema, dir)) {
        awaitExactlyKeycloaksEvents(schema, inKeycloak, events);
      }

      assertEachEventOnceAndChainIntact(schema, dir);
    }
  }

  @Test
  void keycloakKilledMidStreamLosesNothingAndRecordsNothingTwice(@TempDir Path dir)
      throws Exception {
    try (PostgresSchema schema = new PostgresSchema("yte_kc_crash")) {
      try (ServerProcess service = startService(schema, dir)) {
        Set<String> ingestedBeforeKill;
        try (LoginStream stream = new LoginStream()) {
          stream.awaitAnswered(20);
          awaitIngested(schema, 1);
          // Killed while logins arrive: transactions in flight die with it, committed ones stay.
          keycloak.kill();
          int answeredAtKill = stream.answered();
          Thread.sleep(3000); // logins fail to connect, ingest pulls fail and are retried
          assertThat(stream.answered()).isEqualTo(answeredAtKill);
          ingestedBeforeKill = ingestedIds(schema);
          keycloak = bootKeycloak();
          stream.awaitAnswered(answeredAtKill + 20);
        }

        KeycloakEvents events = new KeycloakEvents(keycloak);
        Set<String> inKeycloak = events.storedIds();
        // Nothing ingested was lost by Keycloak either: its events commit with the login.
        assertThat(inKeycloak).containsAll(ingestedBeforeKill);
        awaitExactlyKeycloaksEvents(schema, inKeycloak, events);
      }
      assertEachEventOnceAndChainIntact(schema, dir);
    }
  }

  /**
   * Keycloak orders its events by time alone. With pages of 7, ties of 5 put page boundaries inside
   * a millisecond, and one of 16 fills whole pages; all are read from Keycloak's real answers, each
   * once. Written straight into Keycloak's table: real logins do not share a millisecond at will.
   */
  @Test
  void eventsSharingAMillisecondAcrossPageBoundariesAreEachIngestedOnce(@TempDir Path dir)
      throws Exception {
    KeycloakEvents events = new KeycloakEvents(keycloak);
    // in the past: a later test's service must not find its cursor ahead of new logins
    long start = System.currentTimeMillis() - 60_000;
    int[] ties = {5, 5, 5, 16, 5, 5, 3};
    LongStream.Builder times = LongStream.builder();
    for (int ms = 0; ms < ties.length; ms++) {
      for (int i = 0; i < ties[ms]; i++) {
        times.add(start + ms);
      }
    }
    Set<String> tied = writeFailedLogins(times.build().toArray());
    try (PostgresSchema schema = new PostgresSchema("yte_ties")) {
      try (ServerProcess service = startService(schema, dir)) {
        awaitExactlyKeycloaksEvents(schema, events.storedIds(), events);
      }
      assertThat(ingestedIds(schema)).containsAll(tied);
      assertEachEventOnceAndChainIntact(schema, dir);
    }
  }

  /**
   * LOG-1: mfa-service down for 10 minutes. It is killed and its cursor set back 10 minutes, as if
   * it had died then; Keycloak's store holds what happened since: failed logins 500 ms apart over
   * those 10 minutes, written into its table, and the ones the service had already taken. After a
   * restart each is in the chain once: the gap is far wider than the 2 minutes every pull re-reads.
   */
  @Test
  void tenMinutesDownLosesNothingAndRecordsNothingTwice(@TempDir Path dir) throws Exception {
    KeycloakEvents events = new KeycloakEvents(keycloak);
    try (PostgresSchema schema = new PostgresSchema("yte_outage")) {
      try (ServerProcess service = startService(schema, dir)) {
        for (int n = 0; n < 10; n++) {
          failedLogin(events, n);
        }
        awaitIngested(schema, 10);
        service.kill();
      }
      long down = System.currentTimeMillis() - Duration.ofMinutes(10).toMillis();
      schema.execute(
          "UPDATE "
              + schema.name()
              + ".ingest_cursor SET last_time = "
              + down
              + " WHERE kind = 'USER'");
      Set<String> whileDown =
          writeFailedLogins(LongStream.range(0, 1200).map(i -> down + 1 + i * 500).toArray());

      try (ServerProcess service = startService(schema, dir)) {
        awaitExactlyKeycloaksEvents(schema, events.storedIds(), events);
      }
      assertThat(ingestedIds(schema)).containsAll(whileDown);
      assertEachEventOnceAndChainIntact(schema, dir);
    }
  }

  /**
   * Failed logins of unknown accounts, one at each of {@code times}, written straight into
   * Keycloak's table in one transaction; returns their ids.
   */
  private static Set<String> writeFailedLogins(long... times) throws Exception {
    Set<String> ids = new HashSet<>();
    try (Connection c = DriverManager.getConnection(PostgresSchema.URL, PostgresSchema.USER, "")) {
      c.setAutoCommit(false);
      try (KeycloakEventTable table =
          new KeycloakEventTable(c, keycloakSchema.name(), "yte-demo")) {
        for (int i = 0; i < times.length; i++) {
          ids.add(
              table.add(
                  times[i],
                  "LOGIN_ERROR",
                  null,
                  null,
                  "his-demo",
                  "10.30." + (i / 250) + "." + (i % 250),
                  "user_not_found",
                  "{\"auth_method\":\"openid-connect\",\"username\":\"ghi.thang." + i + "\"}"));
        }
      }
      c.commit();
    }
    return ids;
  }

  /**
   * Waits until every one of {@code stored} is in the chain; then checks that the chain holds no
   * event Keycloak does not have (its set is read again: the service's own token requests add
   * some).
   */
  private static void awaitExactlyKeycloaksEvents(
      PostgresSchema schema, Set<String> stored, KeycloakEvents events) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (!ingestedIds(schema).containsAll(stored) && System.nanoTime() < deadline) {
      Thread.sleep(200);
    }
    assertThat(ingestedIds(schema)).containsAll(stored);
    assertThat(events.storedIds()).containsAll(ingestedIds(schema));
  }

  /** Failed logins, one after another on a thread of their own, whether Keycloak is up or not. */
  private static final class LoginStream implements AutoCloseable {
    private final AtomicInteger answered = new AtomicInteger();
    private final AtomicBoolean stop = new AtomicBoolean();
    private final Thread thread = new Thread(this::run, "login-stream");
    // Keycloak comes back on the same port, so the same client reaches the new process.
    private final KeycloakEvents events = new KeycloakEvents(keycloak);

    LoginStream() {
      thread.start();
    }

    private void run() {
      for (int n = 0; !stop.get(); n++) {
        try {
          int status = events.login("mat.dien." + n, "Sai-" + n, "0").statusCode();
          if (status == 400 || status == 401) {
            answered.incrementAndGet();
          }
        } catch (java.io.IOException down) {
          sleepQuietly(100);
        } catch (Exception e) {
          return;
        }
      }
    }

    int answered() {
      return answered.get();
    }

    void awaitAnswered(int count) throws InterruptedException {
      long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
      while (answered.get() < count) {
        if (!thread.isAlive() || System.nanoTime() > deadline) {
          throw new AssertionError("logins stopped at " + answered.get() + " of " + count);
        }
        Thread.sleep(50);
      }
    }

    @Override
    public void close() throws InterruptedException {
      stop.set(true);
      thread.join();
    }

    private static void sleepQuietly(long millis) {
      try {
        Thread.sleep(millis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /**
   * One chain record per Keycloak event id and no Keycloak record without one; then the whole chain
   * verifies.
   */
  private static void assertEachEventOnceAndChainIntact(PostgresSchema schema, Path dir)
      throws Exception {
    String q = schema.name();
    long records =
        count("SELECT COUNT(*) FROM " + q + ".audit_record WHERE event_type LIKE 'KC_%'");
    assertThat(count("SELECT COUNT(*) FROM " + q + ".ingested_event")).isEqualTo(records);
    assertThat(
            count(
                "SELECT COUNT(DISTINCT e.audit_seq) FROM "
                    + q
                    + ".ingested_event e JOIN "
                    + q
                    + ".audit_record r ON r.seq = e.audit_seq WHERE r.event_type LIKE 'KC_%'"))
        .isEqualTo(records);
    try (ConfigurableApplicationContext verifier =
        schema.startService(
            "--yte.population.api-key=unused",
            "--yte.audit.checkpoint.key-file=" + dir.resolve("checkpoint-key.jwk.json"),
            "--yte.audit.checkpoint.interval=1h")) {
      assertThat(verifier.getBean(AuditService.class).verify()).isEmpty();
    }
  }

  /** A login of an account that does not exist: an event each, and nobody gets locked out. */
  private static void failedLogin(KeycloakEvents events, int n) throws Exception {
    assertThat(events.login("khong.ton.tai." + n, "Sai-Mat-Khau-" + n, "000000").statusCode())
        .isIn(400, 401);
  }

  private static ServerProcess startService(PostgresSchema schema, Path dir) throws Exception {
    int port = FreePorts.next();
    Path log = dir.resolve("service.log");
    ProcessBuilder builder =
        new ProcessBuilder("java", "-jar", System.getProperty("service.jar"))
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    Map<String, String> env =
        schema.ingestingServiceEnvironment(
            port,
            keycloak.issuer("yte-demo"),
            SERVICE_SECRET,
            dir.resolve("checkpoint-key.jwk.json").toString());
    env.put("YTE_INGEST_INTERVAL", "200ms");
    env.put("YTE_INGEST_PAGE_SIZE", "7");
    builder.environment().putAll(env);
    return ServerProcess.start(
        builder, URI.create("http://127.0.0.1:" + port + "/actuator/health"), log);
  }

  private static void awaitIngested(PostgresSchema schema, long atLeast) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (ingestedIds(schema).size() < atLeast) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("nothing ingested");
      }
      Thread.sleep(100);
    }
  }

  private static Set<String> ingestedIds(PostgresSchema schema) throws Exception {
    Set<String> ids = new HashSet<>();
    try (Connection c = DriverManager.getConnection(PostgresSchema.URL, PostgresSchema.USER, "");
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery("SELECT source_id FROM " + schema.name() + ".ingested_event")) {
      while (rs.next()) {
        ids.add(rs.getString(1));
      }
    }
    return ids;
  }

  private static long count(String sql) throws Exception {
    try (Connection c = DriverManager.getConnection(PostgresSchema.URL, PostgresSchema.USER, "");
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
