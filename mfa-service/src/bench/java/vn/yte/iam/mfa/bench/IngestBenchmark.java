package vn.yte.iam.mfa.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.yte.iam.mfa.bench.GatewayOverheadBenchmark.CpuUse;
import vn.yte.iam.mfa.ingest.KeycloakApiPages;
import vn.yte.iam.mfa.support.KeycloakEventTable;
import vn.yte.iam.mfa.support.PostgresSchema;
import vn.yte.iam.mfa.support.ServerProcess;
import vn.yte.iam.testsupport.FreePorts;
import vn.yte.iam.testsupport.KeycloakServer;

/**
 * Ingest end to end (LOG-1): how fast mfa-service takes a backlog of Keycloak's stored events into
 * its hash chain, as after an outage. Keycloak (with our jar and the demo realm) and mfa-service
 * each run as processes of their own on PostgreSQL, as in production. The backlog is written
 * straight into Keycloak's event table, in the shape Keycloak stores a day's sign-ins (a login with
 * its username, the code exchanged for tokens, a refresh and a logout by account id only, and a
 * failed login now and then): Argon2 makes real logins cost tens of milliseconds each, and this
 * measures the reading, not Keycloak's writing. From the commit of the backlog to the last event
 * stored in the chain, through Keycloak's admin API, the username completion, the exactly-once
 * bookkeeping, the hashing and the appends; then Keycloak's API alone, paged the same way.
 *
 * <p>Admin events can be added to the backlog, written the same way into Keycloak's admin event
 * table: an administrator's day of creating accounts, granting roles, editing and resetting
 * passwords, with the representations Keycloak stores when the realm records them (the baseline
 * realm does).
 *
 * <p>Arguments: events (100,000), accounts (1,000), admin events (0). The servers inherit the
 * environment, so YTE_INGEST_PAGE_SIZE and other mfa-service settings can be given as usual.
 */
public final class IngestBenchmark {
  static final String SECRET = "bench-ingest-secret-not-for-production";
  static final String ADMIN_PASSWORD = "Bench-Ingest-Bootstrap-2026!x";

  /** One sign-in's events, in the order Keycloak stores them. */
  static final String[] SIGN_IN = {"LOGIN", "CODE_TO_TOKEN", "REFRESH_TOKEN", "LOGOUT"};

  public static void main(String[] args) throws Exception {
    int events = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    int accounts = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
    int adminEvents = args.length > 2 ? Integer.parseInt(args[2]) : 0;
    Path home = Files.createTempDirectory("kc-ingest-bench");
    KeycloakServer.copyDistribution(KeycloakServer.distributionFromBuild(), home);
    try (PostgresSchema kcSchema = new PostgresSchema("kc_ingest_bench");
        PostgresSchema schema = new PostgresSchema("yte_ingest_bench")) {
      kcSchema.execute("CREATE SCHEMA " + kcSchema.name());
      try (KeycloakServer keycloak = bootKeycloak(home, kcSchema)) {
        int port = FreePorts.next();
        Map<String, String> env =
            schema.ingestingServiceEnvironment(
                port, keycloak.issuer("yte-demo"), SECRET, "bench-checkpoint-key.jwk.json");
        env.put("YTE_INGEST_INTERVAL", "500ms");
        env.put("LOGGING_LEVEL_ROOT", "WARN");
        try (ServerProcess service =
            GatewayOverheadBenchmark.start(
                "mfa-service-ingest",
                "http://127.0.0.1:" + port + "/actuator/health",
                env,
                GatewayOverheadBenchmark.jar("mfa-service"))) {
          // Its first pulls take what booting left (the service account's own sign-ins).
          long before = awaitSteady(schema);
          System.out.printf(
              Locale.ROOT,
              "%,d events of %,d accounts and %,d admin events written into Keycloak's event"
                  + " store%n",
              events,
              accounts,
              adminEvents);
          long start = System.nanoTime();
          try (Connection c =
              DriverManager.getConnection(PostgresSchema.URL, PostgresSchema.USER, "")) {
            c.setAutoCommit(false);
            String[] ids = accountIds(accounts);
            String realmId;
            try (KeycloakEventTable table =
                new KeycloakEventTable(c, kcSchema.name(), "yte-demo")) {
              realmId = table.realmId();
              writeBacklog(table, events, ids, cursor(schema, "USER"));
            }
            // the realm may have no admin event yet, and so a cursor at 1970
            long adminAfter = Math.max(cursor(schema, "ADMIN"), System.currentTimeMillis());
            writeAdminBacklog(c, kcSchema, realmId, adminEvents, ids, adminAfter);
            c.commit();
          }
          long written = System.nanoTime();
          CpuUse cpuBefore = cpu(service, keycloak);
          int total = events + adminEvents;
          long ingested = awaitIngested(schema, before + total);
          long done = System.nanoTime();
          CpuUse used = cpu(service, keycloak).minus(cpuBefore);
          System.out.printf(
              Locale.ROOT,
              "written in %.1f s; ingested %,d in %.1f s after: %,.0f events/s%n",
              (written - start) / 1e9,
              ingested - before,
              (done - written) / 1e9,
              (ingested - before) / ((done - written) / 1e9));
          System.out.printf(
              Locale.ROOT,
              "CPU per 1,000 events ingested: mfa-service %.0f ms, Keycloak %.0f ms,"
                  + " PostgreSQL %.0f ms%n",
              used.service() * 1e6 / total,
              used.upstream() * 1e6 / total,
              used.postgres() * 1e6 / total);
          if (events > 0) {
            keycloakAlone(keycloak, "/events");
          }
          if (adminEvents > 0) {
            keycloakAlone(keycloak, "/admin-events");
          }
        }
      }
    } finally {
      try (var files = Files.walk(home)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  static KeycloakServer bootKeycloak(Path home, PostgresSchema kcSchema) {
    return KeycloakServer.builder(home)
        .provider(Path.of(System.getProperty("provider.jar")))
        .importRealm(KeycloakServer.policiesDir().resolve("realm/yte-demo-realm.json"))
        .env("YTE_DEMO_CLINICIAN_PASSWORD", "Bench-Clinician-2026!x")
        .env("YTE_DEMO_ADMIN_PASSWORD", "Bench-Admin-2026!x")
        .env("YTE_DEMO_AUDITOR_PASSWORD", "Bench-Auditor-2026!x")
        .env("YTE_MFA_SERVICE_CLIENT_SECRET", SECRET)
        .env("YTE_DEMO_CLINICIAN_TOTP", "Bench-Clinician-Totp-1")
        .env("YTE_DEMO_ADMIN_TOTP", "Bench-Admin-Totp-Key-2")
        .env("YTE_DEMO_AUDITOR_TOTP", "Bench-Auditor-Totp-03")
        .postgres(PostgresSchema.URL, PostgresSchema.USER, kcSchema.name())
        .adminPassword(ADMIN_PASSWORD)
        .start();
  }

  /**
   * The sign-ins of the backlog: {@code accounts} accounts ({@code ids}) in turn, every tenth one
   * failing its password first, dated 5 ms apart from just {@code after} the last event the service
   * has seen (as if they had happened while it was down, at 200 events a second; a large backlog
   * reaches into the future, which Keycloak's API does not mind). Events dated before the service's
   * cursor (less its overlap) would rightly never be read.
   */
  static void writeBacklog(KeycloakEventTable table, int events, String[] ids, long after)
      throws Exception {
    int written = 0;
    for (int signIn = 0; written < events; signIn++) {
      int account = signIn % ids.length;
      String username = "bench.nhanvien" + account;
      String session = UUID.randomUUID().toString();
      boolean failsFirst = account % 5 == 0 && signIn % 2 == 0;
      for (int step = failsFirst ? -1 : 0; step < SIGN_IN.length && written < events; step++) {
        String type = step < 0 ? "LOGIN_ERROR" : SIGN_IN[step];
        table.add(
            after + 1 + (long) written * 5,
            type,
            ids[account],
            step < 0 ? null : session,
            "his-demo",
            ipAddress(account),
            step < 0 ? "invalid_user_credentials" : null,
            details(type, username));
        written++;
      }
    }
  }

  /**
   * The admin events of the backlog, 5 ms apart from just {@code after} the service's admin cursor:
   * for each account in turn, an administrator creates it, grants it a realm role, edits it and
   * resets its password, as Keycloak records them (representations included, the password's
   * excepted).
   */
  static void writeAdminBacklog(
      Connection c, PostgresSchema kcSchema, String realmId, int events, String[] ids, long after)
      throws Exception {
    String insert =
        "INSERT INTO "
            + kcSchema.name()
            + ".admin_event_entity (id, admin_event_time, realm_id, operation_type, auth_realm_id,"
            + " auth_client_id, auth_user_id, ip_address, resource_path, representation,"
            + " resource_type) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    String console = UUID.randomUUID().toString(); // the admin console's client
    String[] admins = accountIds(5);
    try (PreparedStatement p = c.prepareStatement(insert)) {
      for (int written = 0; written < events; ) {
        int account = (written / ADMIN_STEPS.length) % ids.length;
        String[] step = ADMIN_STEPS[written % ADMIN_STEPS.length];
        String path = "users/" + ids[account] + step[2];
        p.setString(1, UUID.randomUUID().toString());
        p.setLong(2, after + 1 + (long) written * 5);
        p.setString(3, realmId);
        p.setString(4, step[0]);
        p.setString(5, realmId);
        p.setString(6, console);
        p.setString(7, admins[account % admins.length]);
        p.setString(8, ipAddress(account % admins.length));
        p.setString(9, path);
        p.setString(10, representation(step[3], ids[account], account, realmId));
        p.setString(11, step[1]);
        p.addBatch();
        if (++written % 1000 == 0) {
          p.executeBatch();
        }
      }
      p.executeBatch();
    }
  }

  /**
   * An account's admin events: operation, resource type, path after {@code users/<id>}, what is
   * stored with it.
   */
  static final String[][] ADMIN_STEPS = {
    {"CREATE", "USER", "", "user"},
    {"CREATE", "REALM_ROLE_MAPPING", "/role-mappings/realm", "roles"},
    {"UPDATE", "USER", "", "user"},
    {"ACTION", "USER", "/reset-password", "nothing"} // Keycloak never stores the password
  };

  /** The representation stored with an event of ADMIN_STEPS. */
  static String representation(String what, String id, int account, String realmId) {
    String user =
        "{\"id\":\""
            + id
            + "\",\"username\":\"bench.nhanvien"
            + account
            + "\",\"firstName\":\"Nhân viên\",\"lastName\":\"Số "
            + account
            + "\",\"email\":\"bench.nhanvien"
            + account
            + "@benhvien.local\",\"emailVerified\":false,\"attributes\":{\"khoa\":[\"Khoa"
            + " Nội\"],\"chuc_danh\":[\"Điều dưỡng\"]},\"enabled\":true,"
            + "\"requiredActions\":[\"CONFIGURE_TOTP\",\"UPDATE_PASSWORD\"],\"groups\":[]}";
    return switch (what) {
      case "user" -> user;
      case "roles" ->
          "[{\"id\":\""
              + UUID.nameUUIDFromBytes("dieu-duong".getBytes(StandardCharsets.UTF_8))
              + "\",\"name\":\"dieu-duong\",\"composite\":false,\"clientRole\":false,"
              + "\"containerId\":\""
              + realmId
              + "\"}]";
      default -> null;
    };
  }

  static String[] accountIds(int accounts) {
    String[] ids = new String[accounts];
    for (int a = 0; a < accounts; a++) {
      ids[a] = UUID.randomUUID().toString();
    }
    return ids;
  }

  static String ipAddress(int account) {
    return "10.20." + (account / 250) + "." + (account % 250);
  }

  /** The details Keycloak stores with each type: only logins carry the username. */
  static String details(String type, String username) {
    return switch (type) {
      case "LOGIN", "LOGIN_ERROR" ->
          "{\"auth_method\":\"openid-connect\",\"auth_type\":\"code\","
              + "\"redirect_uri\":\"http://his.benhvien.local/callback\",\"username\":\""
              + username
              + "\"}";
      case "CODE_TO_TOKEN" ->
          "{\"token_id\":\""
              + UUID.randomUUID()
              + "\",\"grant_type\":\"authorization_code\",\"client_auth_method\":"
              + "\"client-secret\"}";
      case "REFRESH_TOKEN" ->
          "{\"token_id\":\"" + UUID.randomUUID() + "\",\"grant_type\":\"refresh_token\"}";
      default -> "{\"redirect_uri\":\"http://his.benhvien.local/\"}";
    };
  }

  /** Waits until two counts 1.5 s apart agree: the pulls at start-up are done. */
  static long awaitSteady(PostgresSchema schema) throws Exception {
    long last = -1;
    for (; ; ) {
      Thread.sleep(1500);
      long now = ingestedCount(schema);
      if (now == last) {
        return now;
      }
      last = now;
    }
  }

  static long awaitIngested(PostgresSchema schema, long target) throws Exception {
    long deadline = System.nanoTime() + 30 * 60 * 1_000_000_000L;
    for (; ; ) {
      long now = ingestedCount(schema);
      if (now >= target) {
        return now;
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("only " + now + " of " + target + " after 30 min");
      }
      Thread.sleep(50);
    }
  }

  /** The time of the newest event of {@code kind} the service has read. */
  static long cursor(PostgresSchema schema, String kind) throws Exception {
    try (Connection c = DriverManager.getConnection(PostgresSchema.URL, PostgresSchema.USER, "");
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT last_time FROM "
                    + schema.name()
                    + ".ingest_cursor WHERE kind = '"
                    + kind
                    + "'")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  static long ingestedCount(PostgresSchema schema) throws Exception {
    try (Connection c = DriverManager.getConnection(PostgresSchema.URL, PostgresSchema.USER, "");
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery("SELECT COUNT(*) FROM " + schema.name() + ".ingested_event")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** mfa-service, and Keycloak as the server it reads from. */
  static CpuUse cpu(ServerProcess service, KeycloakServer keycloak) {
    return new CpuUse(
        CpuUse.seconds(service.process().toHandle()),
        keycloakSeconds(keycloak),
        CpuUse.postgresSeconds(),
        CpuUse.seconds(ProcessHandle.current()),
        CpuUse.machineSeconds());
  }

  /** CPU time of kc.sh and the server's JVM, its child. */
  static double keycloakSeconds(KeycloakServer keycloak) {
    ProcessHandle kc = ProcessHandle.of(keycloak.pid()).orElseThrow();
    return CpuUse.seconds(kc) + kc.descendants().mapToDouble(CpuUse::seconds).sum();
  }

  /**
   * Keycloak's share: the same backlog read through its admin API in the same pages, as the service
   * account, with nothing done with the answers; {@code list}: {@code /events} or {@code
   * /admin-events}.
   */
  static void keycloakAlone(KeycloakServer keycloak, String list) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    String issuer = keycloak.issuer("yte-demo");
    HttpResponse<String> token =
        http.send(
            HttpRequest.newBuilder(URI.create(issuer + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "grant_type=client_credentials&client_id=mfa-service&client_secret="
                            + URLEncoder.encode(SECRET, StandardCharsets.UTF_8)))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    Matcher m = Pattern.compile("\"access_token\":\"([^\"]+)\"").matcher(token.body());
    if (!m.find()) {
      throw new IllegalStateException("no token: " + token.body());
    }
    String bearer = "Bearer " + m.group(1);
    int pageSize = Integer.parseInt(System.getenv().getOrDefault("YTE_INGEST_PAGE_SIZE", "1000"));
    double kcBefore = keycloakSeconds(keycloak);
    long start = System.nanoTime();
    List<Long> pageNanos = new ArrayList<>();
    int read =
        KeycloakApiPages.readAll(
            http, issuer.replace("/realms/", "/admin/realms/"), list, bearer, pageSize, pageNanos);
    double seconds = (System.nanoTime() - start) / 1e9;
    double kcCpu = keycloakSeconds(keycloak) - kcBefore;
    System.out.printf(
        Locale.ROOT,
        "Keycloak's API alone, %s: %,d events in pages of %d in %.1f s (%,.0f events/s),"
            + " Keycloak CPU %.0f ms per 1,000%n",
        list,
        read,
        pageSize,
        seconds,
        read / seconds,
        kcCpu * 1e6 / read);
    int tenth = Math.max(1, pageNanos.size() / 10);
    System.out.printf(
        Locale.ROOT,
        "  a page took %.1f ms on average in the first tenth of the backlog, %.1f ms in the last%n",
        pageNanos.subList(0, tenth).stream().mapToLong(Long::longValue).average().orElse(0) / 1e6,
        pageNanos.subList(pageNanos.size() - tenth, pageNanos.size()).stream()
                .mapToLong(Long::longValue)
                .average()
                .orElse(0)
            / 1e6);
  }
}
