package vn.yte.iam.mfa.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.util.JSONArrayUtils;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import vn.yte.iam.mfa.MfaServiceApplication;
import vn.yte.iam.simulator.PopulationSimulator;
import vn.yte.iam.testsupport.KeycloakServer;
import vn.yte.iam.testsupport.Totp;

/**
 * The whole system, end to end: real Keycloak 26.7.3 with our provider jar and the demo realm from
 * {@code policies/}, the population-database simulator as a separate HTTP server, and mfa-service
 * validating Keycloak's tokens against its JWKS. A demo clinician logs in, looks up a citizen, and
 * an auditor finds that lookup tied to the clinician's SSO session (LOG-2, LOG-3).
 */
class GatewaySmokeIT {
  static final String CLINICIAN_PASSWORD = "Smoke-Clinician-2026!x";
  static final String AUDITOR_PASSWORD = "Smoke-Auditor-2026!x";

  /** The demo users' authenticator apps (MFA-1: the direct grant demands a TOTP code). */
  static final Map<String, String> TOTP_KEYS =
      Map.of("bs.nguyenvanan", "Smoke-Clinician-Totp-1", "kt.lethichi", "Smoke-Auditor-Totp-03");

  static final Map<String, Totp.Device> DEVICES =
      Map.of(
          "bs.nguyenvanan",
              new Totp.Device(TOTP_KEYS.get("bs.nguyenvanan").getBytes(StandardCharsets.UTF_8)),
          "kt.lethichi",
              new Totp.Device(TOTP_KEYS.get("kt.lethichi").getBytes(StandardCharsets.UTF_8)));

  static KeycloakServer keycloak;
  static PopulationSimulator simulator;
  static ConfigurableApplicationContext mfaService;
  static String mfaUrl;
  final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void startSystem() throws Exception {
    keycloak =
        KeycloakServer.builder(KeycloakServer.distributionFromBuild())
            .provider(Path.of(System.getProperty("provider.jar")))
            .importRealm(KeycloakServer.policiesDir().resolve("realm/yte-demo-realm.json"))
            .env("YTE_DEMO_CLINICIAN_PASSWORD", CLINICIAN_PASSWORD)
            .env("YTE_DEMO_ADMIN_PASSWORD", "Smoke-Admin-2026!x")
            .env("YTE_DEMO_AUDITOR_PASSWORD", AUDITOR_PASSWORD)
            .env("YTE_MFA_SERVICE_CLIENT_SECRET", "smoke-secret-not-for-production")
            .env("YTE_DEMO_CLINICIAN_TOTP", TOTP_KEYS.get("bs.nguyenvanan"))
            .env("YTE_DEMO_ADMIN_TOTP", "Smoke-Admin-Totp-Key-2")
            .env("YTE_DEMO_AUDITOR_TOTP", TOTP_KEYS.get("kt.lethichi"))
            .start();
    simulator = PopulationSimulator.start("127.0.0.1", 0, "smoke-upstream-key");
    // Command-line arguments: they outrank application.yaml, as environment variables do in ./run.
    mfaService =
        new SpringApplicationBuilder(MfaServiceApplication.class)
            .run(
                "--server.port=0",
                "--spring.datasource.url=jdbc:h2:mem:smoke;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE",
                "--yte.token.issuer=" + keycloak.issuer("yte-demo"),
                "--yte.population.upstream-url=" + simulator.baseUrl(),
                "--yte.population.api-key=smoke-upstream-key",
                "--yte.population.citizen-key=smoke-citizen-key-0123456789abcdef",
                // No ingest here; the secret lets the self-assessment ask Keycloak (SEC-6).
                "--yte.ingest.client-secret=smoke-secret-not-for-production");
    mfaUrl = "http://127.0.0.1:" + mfaService.getEnvironment().getProperty("local.server.port");
  }

  @AfterAll
  static void stopSystem() {
    if (mfaService != null) {
      mfaService.close();
    }
    if (simulator != null) {
      simulator.close();
    }
    if (keycloak != null) {
      keycloak.close();
    }
  }

  @Test
  void clinicianLooksUpACitizenAndTheAuditorSeesItInTheSameSession() throws Exception {
    String clinicianToken = login("bs.nguyenvanan", CLINICIAN_PASSWORD);
    String sid = SignedJWT.parse(clinicianToken).getJWTClaimsSet().getStringClaim("sid");
    assertThat(sid).as("Keycloak puts the SSO session id in the access token").isNotBlank();

    HttpResponse<String> lookup =
        post(
            "/api/v1/lookups",
            clinicianToken,
            "{\"citizenId\":\"079192034567\",\"purpose\":\"TREATMENT\"}");
    assertThat(lookup.statusCode()).as(lookup.body()).isEqualTo(200);
    assertThat(JSONObjectUtils.parse(lookup.body()).get("found")).isEqualTo(true);

    String auditorToken = login("kt.lethichi", AUDITOR_PASSWORD);
    HttpResponse<String> trail = get("/api/v1/audit/records?username=bs.nguyenvanan", auditorToken);
    assertThat(trail.statusCode()).as(trail.body()).isEqualTo(200);
    List<Object> records = JSONArrayUtils.parse(trail.body());
    assertThat(records).hasSize(2);
    @SuppressWarnings("unchecked")
    Map<String, Object> found = (Map<String, Object>) records.get(0);
    @SuppressWarnings("unchecked")
    Map<String, Object> event = (Map<String, Object>) found.get("event");
    assertThat(event)
        .containsEntry("type", "POPULATION_LOOKUP")
        .containsEntry("outcome", "FOUND")
        .containsEntry("sessionId", sid)
        .containsEntry("clientId", "his-demo")
        .containsEntry("citizenMasked", "079******567");

    HttpResponse<String> verify = get("/api/v1/audit/verify", auditorToken);
    assertThat(verify.body()).contains("\"intact\":true");
  }

  /**
   * SEC-6: the auditor reads how the unit stands against every requirement, Keycloak's part read
   * off the live demo realm, this service's part off its own state; the reading is in the trail.
   */
  @Test
  @SuppressWarnings("unchecked")
  void anAuditorReadsTheUnitsSelfAssessment() throws Exception {
    String auditorToken = login("kt.lethichi", AUDITOR_PASSWORD);
    HttpResponse<String> response = get("/api/v1/audit/compliance", auditorToken);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    Map<String, Object> report = JSONObjectUtils.parse(response.body());
    assertThat(report).containsEntry("realm", "yte-demo").containsEntry("keycloakError", null);
    Map<String, Map<String, Object>> findings = new java.util.LinkedHashMap<>();
    for (Object f : (List<Object>) report.get("findings")) {
      Map<String, Object> finding = (Map<String, Object>) f;
      findings.put((String) finding.get("requirement"), finding);
    }
    assertThat(findings).hasSize(24);
    // Read off Keycloak's demo realm: its flows, policy and accounts.
    assertThat(findings.get("MFA-1")).containsEntry("status", "MET");
    assertThat(findings.get("MFA-1").get("notes").toString())
        .contains("source=keycloak", "OTP on every browser flow yte-browser");
    assertThat(findings.get("PW-1")).containsEntry("status", "MET");
    // Off this service: events are not pulled in this test, and the issuer is plain HTTP.
    assertThat(findings.get("LOG-1")).containsEntry("status", "NOT_MET");
    assertThat(findings.get("SEC-1")).containsEntry("status", "NOT_MET");
    // SEC-5: the demo realm federates no directory and no citizen ID is shared.
    assertThat(findings.get("SEC-5")).containsEntry("status", "MET");
    assertThat(findings.get("SEC-5").get("notes").toString())
        .contains("source=keycloak", "No LDAP/AD directory federated", "source=built-in");

    HttpResponse<String> trail = get("/api/v1/audit/records?username=kt.lethichi", auditorToken);
    assertThat(trail.body()).contains("\"type\":\"AUDIT_VIEW\"", "compliance");
    String clinicianToken = login("bs.nguyenvanan", CLINICIAN_PASSWORD);
    assertThat(get("/api/v1/audit/compliance", clinicianToken).statusCode()).isEqualTo(403);
  }

  @Test
  void clinicianCannotReadTheAuditTrail() throws Exception {
    String clinicianToken = login("bs.nguyenvanan", CLINICIAN_PASSWORD);
    assertThat(get("/api/v1/audit/records", clinicianToken).statusCode()).isEqualTo(403);
  }

  private String login(String username, String password) throws Exception {
    String form =
        "grant_type=password&client_id=his-demo&scope=openid&username="
            + URLEncoder.encode(username, StandardCharsets.UTF_8)
            + "&password="
            + URLEncoder.encode(password, StandardCharsets.UTF_8)
            + "&totp="
            + DEVICES.get(username).nextCode();
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(
                    URI.create(keycloak.issuer("yte-demo") + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSONObjectUtils.getString(JSONObjectUtils.parse(response.body()), "access_token");
  }

  private HttpResponse<String> post(String path, String bearer, String json) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(mfaUrl + path))
            .header("Authorization", "Bearer " + bearer)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(String path, String bearer) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(mfaUrl + path))
            .header("Authorization", "Bearer " + bearer)
            .GET()
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
