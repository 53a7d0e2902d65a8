package vn.yte.iam.mfa.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.SignedJWT;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.yte.iam.mfa.MfaServiceApplication;
import vn.yte.iam.mfa.audit.AuditQuery;
import vn.yte.iam.mfa.audit.AuditRecord;
import vn.yte.iam.mfa.audit.AuditService;
import vn.yte.iam.mfa.ingest.EventIngest;
import vn.yte.iam.testsupport.KeycloakServer;
import vn.yte.iam.testsupport.Totp;

/**
 * LOG-1 and LOG-3 against the real Keycloak with the demo realm: its login, MFA, token and admin
 * events reach the audit chain, tied to user and SSO session, each exactly once, including those
 * that happened while mfa-service was down.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KeycloakIngestIT {
  static final String CLINICIAN = "bs.nguyenvanan";
  static final String CLINICIAN_PASSWORD = "Ingest-Clinician-2026!x";
  static final String ADMIN = "qt.tranthibinh";
  static final String ADMIN_PASSWORD = "Ingest-Admin-2026!x";
  static final Totp.Device ADMIN_DEVICE =
      new Totp.Device("Ingest-Admin-Totp-Key-2".getBytes(StandardCharsets.UTF_8));
  static final String SERVICE_SECRET = "ingest-secret-not-for-production";
  static final Totp.Device CLINICIAN_DEVICE =
      new Totp.Device("Ingest-Clinician-Totp-1".getBytes(StandardCharsets.UTF_8));
  static final String DB =
      "jdbc:h2:mem:ingest;DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE";

  static final String OUTAGE = "yte.it.ingest-outage";

  static KeycloakServer keycloak;
  KeycloakEvents events = new KeycloakEvents(keycloak);

  @BeforeAll
  static void startKeycloak() {
    keycloak =
        KeycloakServer.builder(KeycloakServer.distributionFromBuild())
            .provider(Path.of(System.getProperty("provider.jar")))
            // The shipped master realm too, which keeps its events: server administrators'
            // sign-ins.
            .importRealm(KeycloakServer.policiesDir().resolve("realm/master-realm.json"))
            .importRealm(KeycloakServer.policiesDir().resolve("realm/yte-demo-realm.json"))
            .env("YTE_DEMO_CLINICIAN_PASSWORD", CLINICIAN_PASSWORD)
            .env("YTE_DEMO_ADMIN_PASSWORD", ADMIN_PASSWORD)
            .env("YTE_DEMO_AUDITOR_PASSWORD", "Ingest-Auditor-2026!x")
            .env("YTE_MFA_SERVICE_CLIENT_SECRET", SERVICE_SECRET)
            .env("YTE_DEMO_CLINICIAN_TOTP", "Ingest-Clinician-Totp-1")
            .env("YTE_DEMO_ADMIN_TOTP", "Ingest-Admin-Totp-Key-2")
            .env("YTE_DEMO_AUDITOR_TOTP", "Ingest-Auditor-Totp-03")
            .start();
  }

  @AfterAll
  static void stopKeycloak() {
    if (keycloak != null) {
      keycloak.close();
    }
  }

  static ConfigurableApplicationContext startService() {
    return new SpringApplicationBuilder(MfaServiceApplication.class)
        .run(
            "--server.port=0",
            "--spring.datasource.url=" + DB,
            "--yte.token.issuer=" + keycloak.issuer("yte-demo"),
            "--yte.population.upstream-url=http://127.0.0.1:9",
            "--yte.population.api-key=unused",
            "--yte.population.citizen-key=ingest-citizen-key-0123456789abcdef",
            "--yte.ingest.enabled=true",
            "--yte.ingest.client-secret=" + SERVICE_SECRET,
            "--yte.ingest.interval=300ms");
  }

  /**
   * LOG-4 and LOG-6: Keycloak names the account of a logout, and of every admin event, by id only.
   * The records are still in that account's own trail, under its username, also when the service
   * restarted in between and must ask Keycloak who the id is; a server administrator, who signs in
   * to master, under {@code master/} and their username, with their sign-ins there and the
   * administrators of this realm they made there, and no other account of master (LOG-1).
   */
  @Test
  @Order(1) // the test below fails the administrator's logins on purpose
  void adminChangesAndLogoutsAreInTheAccountsOwnTrail() throws Exception {
    HttpResponse<String> adminLogin =
        events.adminLogin(ADMIN, ADMIN_PASSWORD, ADMIN_DEVICE.nextCode());
    assertThat(adminLogin.statusCode()).as(adminLogin.body()).isEqualTo(200);
    try (ConfigurableApplicationContext service = startService()) {
      AuditService audit = service.getBean(AuditService.class);
      await(() -> trailHas(audit, ADMIN, "KC_LOGIN", ""), "the administrator's login");
    }

    // While mfa-service is down: an administrative change, and a clinician's login and logout.
    String role = "ingest-it-" + UUID.randomUUID();
    HttpResponse<String> created = events.createRealmRole(accessToken(adminLogin), role);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String serverRole = role + "-by-master";
    HttpResponse<String> byMaster = events.createRealmRole(keycloak.adminToken(), serverRole);
    assertThat(byMaster.statusCode()).as(byMaster.body()).isEqualTo(201);
    // In master: a new administrator of the demo realm, and one of master alone (LOG-1).
    String newAdmin = events.newMasterAccount("qtmc.ingest.demo", "yte-demo-realm", "view-users");
    String masterOnly = events.newMasterAccount("qtmc.ingest.master", "master-realm", "view-users");
    // The server's administrator tries master with a password alone, which master refuses (SEC-3).
    HttpResponse<String> passwordAlone =
        events.masterLogin(KeycloakServer.ADMIN_USERNAME, keycloak.adminPassword());
    assertThat(passwordAlone.statusCode()).as(passwordAlone.body()).isEqualTo(400);
    HttpResponse<String> clinician =
        events.login(CLINICIAN, CLINICIAN_PASSWORD, CLINICIAN_DEVICE.nextCode());
    assertThat(clinician.statusCode()).as(clinician.body()).isEqualTo(200);
    String refresh =
        JSONObjectUtils.getString(JSONObjectUtils.parse(clinician.body()), "refresh_token");
    assertThat(events.logout(refresh).statusCode()).isEqualTo(204);

    try (ConfigurableApplicationContext service = startService()) {
      AuditService audit = service.getBean(AuditService.class);
      await(
          () -> trailHas(audit, ADMIN, "KC_ADMIN_CREATE", role),
          "the new role in the administrator's trail");
      String serviceAccount = "master/service-account-" + KeycloakServer.ADMIN_CLIENT_ID;
      await(
          () -> trailHas(audit, serviceAccount, "KC_ADMIN_CREATE", serverRole),
          "the role the server's service account created, in its trail");
      await(
          () -> trailHas(audit, serviceAccount, "KC_CLIENT_LOGIN", ""),
          "the service account's sign-in to master, in its trail");
      await(
          () ->
              trailHas(
                      audit,
                      serviceAccount,
                      "KC_ADMIN_CREATE",
                      "realm=master USER users/" + newAdmin + " ")
                  && trailHas(
                      audit,
                      serviceAccount,
                      "KC_ADMIN_CREATE",
                      "realm=master CLIENT_ROLE_MAPPING users/" + newAdmin + "/role-mappings/"),
          "the new administrator of the realm, made in master, in its maker's trail");
      await(
          () ->
              trailHas(
                  audit,
                  "master/" + KeycloakServer.ADMIN_USERNAME,
                  "KC_LOGIN_ERROR",
                  "yte_otp_not_enrolled"),
          "the server administrator's refused sign-in, in their trail");
      await(
          () -> trailHas(audit, CLINICIAN, "KC_LOGOUT", ""), "the logout in the clinician's trail");
      // master's own administrators are other hospitals' business, not this realm's.
      assertThat(audit.find(new AuditQuery(null, null, null, null, null, null, 1000)))
          .noneMatch(r -> r.event().detail() != null && r.event().detail().contains(masterOnly));
      assertThat(audit.verify()).isEmpty();
    }
  }

  private static boolean trailHas(AuditService audit, String username, String type, String detail) {
    return audit.find(new AuditQuery(username, null, null, null, null, null, 100)).stream()
        .anyMatch(r -> r.event().type().equals(type) && r.event().detail().contains(detail));
  }

  private static String accessToken(HttpResponse<String> tokenResponse) throws Exception {
    return JSONObjectUtils.getString(JSONObjectUtils.parse(tokenResponse.body()), "access_token");
  }

  @Test
  @Order(2)
  void loginsLandInTheChainOnceEvenWhenTheServiceWasDown() throws Exception {
    String sid;
    try (ConfigurableApplicationContext service = startService()) {
      String token = login(CLINICIAN_PASSWORD, CLINICIAN_DEVICE.nextCode());
      sid = SignedJWT.parse(token).getJWTClaimsSet().getStringClaim("sid");
      AuditService audit = service.getBean(AuditService.class);
      await(() -> !session(audit, sid).isEmpty(), "the login in the chain");
      AuditRecord login = session(audit, sid).get(0);
      assertThat(login.event().type()).isEqualTo("KC_LOGIN");
      assertThat(login.event().actorUsername()).isEqualTo(CLINICIAN);
      assertThat(login.event().clientId()).isEqualTo("his-demo");
      assertThat(login.event().detail()).contains("auth_method");
    }

    // mfa-service is down: Keycloak keeps what happens meanwhile in its event store.
    // (Another account fails: the clinician must not be locked out for the login after.)
    // -Dyte.it.ingest-outage=PT10M keeps it down that long, failing logins every 30 s.
    Instant downUntil = Instant.now().plus(Duration.parse(System.getProperty(OUTAGE, "PT0S")));
    int failures = 0;
    do {
      for (int i = 0; i < 3; i++) {
        assertThat(events.login(ADMIN, "wrong-password-" + failures++, "000000").statusCode())
            .isIn(400, 401);
      }
      Thread.sleep(
          Math.min(30_000, Math.max(0, Duration.between(Instant.now(), downUntil).toMillis())));
    } while (Instant.now().isBefore(downUntil));
    String later = login(CLINICIAN_PASSWORD, CLINICIAN_DEVICE.nextCode());
    String laterSid = SignedJWT.parse(later).getJWTClaimsSet().getStringClaim("sid");
    Set<String> inKeycloak = events.storedIds();

    try (ConfigurableApplicationContext service = startService()) {
      AuditService audit = service.getBean(AuditService.class);
      JdbcClient jdbc = service.getBean(JdbcClient.class);
      await(() -> ingestedIds(jdbc).containsAll(inKeycloak), "every Keycloak event ingested");
      assertThat(session(audit, laterSid)).extracting(r -> r.event().type()).contains("KC_LOGIN");
      List<AuditRecord> errors =
          audit.find(new AuditQuery(ADMIN, null, null, null, null, null, 100)).stream()
              .filter(r -> r.event().type().equals("KC_LOGIN_ERROR"))
              .toList();
      assertThat(errors).hasSizeGreaterThanOrEqualTo(failures);
      assertThat(errors.get(0).event().outcome()).isEqualTo("ERROR");

      // Pulling everything again from the start adds nothing: each event is in the chain once.
      // (One pull first takes in what is stored so far: the sign-in to master that read the ids
      // above is an event of its own, and may not be in yet.)
      EventIngest ingest = service.getBean(EventIngest.class);
      ingest.pullOnce();
      long before = countKeycloakRecords(jdbc);
      jdbc.sql("UPDATE ingest_cursor SET last_time = 0").update();
      ingest.pullOnce();
      assertThat(countKeycloakRecords(jdbc)).isEqualTo(before);
      assertThat(
              jdbc.sql(
                      "SELECT COUNT(*) FROM (SELECT source_id FROM ingested_event"
                          + " GROUP BY source_id HAVING COUNT(*) > 1) d")
                  .query(Long.class)
                  .single())
          .isZero();
      assertThat(audit.verify()).isEmpty();
    }
  }

  private static List<AuditRecord> session(AuditService audit, String sid) {
    return audit.find(new AuditQuery(null, null, sid, null, null, null, 100));
  }

  private static long countKeycloakRecords(JdbcClient jdbc) {
    return jdbc.sql("SELECT COUNT(*) FROM audit_record WHERE event_type LIKE 'KC_%'")
        .query(Long.class)
        .single();
  }

  private static Set<String> ingestedIds(JdbcClient jdbc) {
    return new HashSet<>(
        jdbc.sql("SELECT source_id FROM ingested_event").query(String.class).list());
  }

  private String login(String password, String code) throws Exception {
    HttpResponse<String> r = events.login(CLINICIAN, password, code);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return JSONObjectUtils.getString(JSONObjectUtils.parse(r.body()), "access_token");
  }

  private static void await(BooleanSupplier condition, String what) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("Waited in vain for " + what);
      }
      Thread.sleep(100);
    }
  }
}
