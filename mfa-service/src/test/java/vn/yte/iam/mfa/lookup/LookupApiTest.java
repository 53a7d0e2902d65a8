package vn.yte.iam.mfa.lookup;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.yte.iam.mfa.audit.AuditQuery;
import vn.yte.iam.mfa.audit.AuditRecord;
import vn.yte.iam.mfa.audit.AuditService;
import vn.yte.iam.mfa.support.TestTokens;
import vn.yte.iam.simulator.PopulationSimulator;

/**
 * The gateway over HTTP with locally signed tokens, the population simulator as upstream and the
 * embedded H2 store: token attacks, input validation, authorisation and the audit trail (LOG-2,
 * LOG-7, MFA-2 token checks).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LookupApiTest {
  static final TestTokens tokens = new TestTokens();
  static final PopulationSimulator simulator = startSimulator();
  static final String CITIZEN = "001090012345";

  @Autowired Environment env;
  @Autowired AuditService audit;
  final HttpClient http = HttpClient.newHttpClient();

  static PopulationSimulator startSimulator() {
    try {
      return PopulationSimulator.start("127.0.0.1", 0, "sim-key");
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add(
        "spring.datasource.url", () -> "jdbc:h2:mem:lookup;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE");
    registry.add("yte.token.issuer", () -> TestTokens.ISSUER);
    registry.add("yte.token.jwk-set-uri", tokens::jwksUri);
    registry.add("yte.population.upstream-url", simulator::baseUrl);
    registry.add("yte.population.api-key", () -> "sim-key");
    registry.add("yte.population.citizen-key", () -> "k".repeat(40));
    registry.add("yte.lookup.per-minute", () -> "3");
  }

  @AfterAll
  static void stop() {
    simulator.close();
    tokens.close();
  }

  HttpResponse<String> lookup(String bearer, String body) throws Exception {
    return lookup(bearer, HttpRequest.BodyPublishers.ofString(body));
  }

  HttpResponse<String> lookup(String bearer, HttpRequest.BodyPublisher body) throws Exception {
    HttpRequest.Builder req =
        HttpRequest.newBuilder(
                URI.create(
                    "http://127.0.0.1:" + env.getProperty("local.server.port") + "/api/v1/lookups"))
            .header("Content-Type", "application/json")
            .header("X-Workstation-Id", "KHOA-NOI-PC07")
            .POST(body);
    if (bearer != null) {
      req.header("Authorization", "Bearer " + bearer);
    }
    return http.send(req.build(), HttpResponse.BodyHandlers.ofString());
  }

  static String body(String citizenId, String purpose) {
    return "{\"citizenId\":\"" + citizenId + "\",\"purpose\":\"" + purpose + "\"}";
  }

  List<AuditRecord> trailOf(String username) {
    return audit.find(new AuditQuery(username, null, null, null, null, null, 100));
  }

  @Test
  void clinicianLooksUpACitizenAndBothStepsAreAudited() throws Exception {
    HttpResponse<String> response =
        lookup(tokens.token("bs.an", "clinician", "population-lookup"), body(CITIZEN, "TREATMENT"));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(response.body())
        .contains("\"found\":true")
        .contains("fullName")
        .contains("(mô phỏng)");
    assertThat(response.body()).doesNotContain("noiThuongTru").doesNotContain("province");

    List<AuditRecord> trail = trailOf("bs.an");
    assertThat(trail).extracting(r -> r.event().outcome()).containsExactly("FOUND", "REQUESTED");
    AuditRecord found = trail.get(0);
    assertThat(found.event().sessionId()).isEqualTo("sid-bs.an");
    assertThat(found.event().clientId()).isEqualTo("his-demo");
    assertThat(found.event().workstation()).isEqualTo("KHOA-NOI-PC07");
    assertThat(found.event().purpose()).isEqualTo("TREATMENT");
    assertThat(found.event().citizenMasked()).isEqualTo("001******345");
    assertThat(found.event().citizenRef()).hasSize(64).doesNotContain(CITIZEN);
    assertThat(found.event().detail()).doesNotContain(CITIZEN).contains("amr=[pwd, otp]");
    assertThat(audit.verify()).isEmpty();
  }

  @Test
  void unknownCitizenIsAuditedAsNotFound() throws Exception {
    HttpResponse<String> response =
        lookup(tokens.token("bs.binh", "population-lookup"), body("001090012000", "INSURANCE"));
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("\"found\":false");
    assertThat(trailOf("bs.binh").get(0).event().outcome()).isEqualTo("NOT_FOUND");
  }

  @Test
  void accountWithoutTheLookupRoleIsRefusedAndTheAttemptAudited() throws Exception {
    long before = simulator.lookupCount();
    HttpResponse<String> response =
        lookup(tokens.token("letan.chi", "clinician"), body(CITIZEN, "TREATMENT"));
    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.body()).contains("LOOKUP_NOT_PERMITTED").contains("không có quyền");
    assertThat(simulator.lookupCount()).isEqualTo(before);
    assertThat(trailOf("letan.chi")).extracting(r -> r.event().outcome()).containsExactly("DENIED");
  }

  @Test
  void malformedInputGetsAClearErrorAndNothingFromItIsStored() throws Exception {
    String token = tokens.token("bs.dung", "population-lookup");
    Map<String, String> whyInVietnamese =
        Map.of(
            "12345", "phải gồm đúng 12 chữ số",
            "' OR 1=1 --", "phải gồm đúng 12 chữ số",
            "<script>alert(1)</script>", "phải gồm đúng 12 chữ số",
            "003090012345", "không có mã tỉnh, thành phố 003",
            "001290012345", "năm sinh ở tương lai");
    for (Map.Entry<String, String> bad : whyInVietnamese.entrySet()) {
      HttpResponse<String> response = lookup(token, body(bad.getKey(), "TREATMENT"));
      assertThat(response.statusCode()).as(bad.getKey()).isEqualTo(400);
      assertThat(response.body()).contains("INVALID_CITIZEN_ID").contains(bad.getValue());
    }
    HttpResponse<String> badPurpose = lookup(token, body(CITIZEN, "CURIOSITY"));
    assertThat(badPurpose.statusCode()).isEqualTo(400);
    assertThat(badPurpose.body()).contains("INVALID_PURPOSE");
    HttpResponse<String> notJson = lookup(token, "{not json");
    assertThat(notJson.statusCode()).isEqualTo(400);
    assertThat(notJson.body()).contains("MALFORMED_REQUEST");

    List<AuditRecord> trail = trailOf("bs.dung");
    assertThat(trail)
        .hasSize(6)
        .allSatisfy(
            r -> {
              assertThat(r.event().outcome()).isEqualTo("INVALID_REQUEST");
              assertThat(r.event().citizenRef()).isNull();
              assertThat(r.event().detail())
                  .doesNotContain("OR 1=1")
                  .doesNotContain("<script>")
                  .doesNotContain("province code 003");
            });
  }

  @Test
  void lookupsBeyondTheRateAreRefusedBeforeTheUpstreamAndAudited() throws Exception {
    String token = tokens.token("bs.vuot", "population-lookup");
    for (int i = 0; i < 3; i++) {
      assertThat(lookup(token, body(CITIZEN, "TREATMENT")).statusCode()).isEqualTo(200);
    }
    long before = simulator.lookupCount();
    HttpResponse<String> refused = lookup(token, body(CITIZEN, "TREATMENT"));
    assertThat(refused.statusCode()).isEqualTo(429);
    assertThat(refused.body()).contains("RATE_LIMITED").contains("lượt tra cứu mỗi phút");
    assertThat(simulator.lookupCount()).isEqualTo(before);
    assertThat(trailOf("bs.vuot").get(0).event().outcome()).isEqualTo("RATE_LIMITED");
  }

  HttpResponse<String> auditGet(String bearer, String pathAndQuery) throws Exception {
    return http.send(
        HttpRequest.newBuilder(
                URI.create(
                    "http://127.0.0.1:" + env.getProperty("local.server.port") + pathAndQuery))
            .header("Authorization", "Bearer " + bearer)
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /**
   * An auditor's script with a bad time, limit or missing format is told which, in both languages.
   */
  @Test
  void badQueryParametersGetTheSameClearRefusalAsEveryOtherError() throws Exception {
    record Refusal(String path, String code, String parameter) {}
    String auditor = tokens.token("kt.thamso", "auditor");
    for (Refusal refusal :
        List.of(
            new Refusal("/api/v1/audit/records?from=yesterday", "INVALID_PARAMETER", "from"),
            new Refusal("/api/v1/audit/records?to=2026-11-24", "INVALID_PARAMETER", "to"),
            new Refusal("/api/v1/audit/records?limit=ten", "INVALID_PARAMETER", "limit"),
            new Refusal("/api/v1/alerts?limit=1e3", "INVALID_PARAMETER", "limit"),
            new Refusal("/api/v1/audit/export?username=bs.an", "MISSING_PARAMETER", "format"))) {
      HttpResponse<String> response = auditGet(auditor, refusal.path());
      assertThat(response.statusCode()).as(refusal.path()).isEqualTo(400);
      Map<String, Object> body = JSONObjectUtils.parse(response.body());
      assertThat(body.get("error")).as(refusal.path()).isEqualTo(refusal.code());
      assertThat((String) body.get("message")).contains("Tham số " + refusal.parameter());
      assertThat((String) body.get("message_en")).contains("parameter " + refusal.parameter());
    }
    String aboutTime = auditGet(auditor, "/api/v1/audit/records?from=yesterday").body();
    assertThat((String) JSONObjectUtils.parse(aboutTime).get("message"))
        .contains("2026-11-24T08:00:00Z");
  }

  /** LOG-6: who looked up this person, and the trail as CSV and FHIR R4 AuditEvent. */
  @Test
  void auditorFindsWhoLookedUpACitizenAndExportsTheTrail() throws Exception {
    String citizen = "001090012399";
    assertThat(
            lookup(tokens.token("bs.xuat", "population-lookup"), body(citizen, "EMERGENCY"))
                .statusCode())
        .isEqualTo(200);
    String auditor = tokens.token("kt.kiemtra", "auditor");

    HttpResponse<String> byCitizen =
        auditGet(auditor, "/api/v1/audit/records?citizenId=" + citizen);
    assertThat(byCitizen.statusCode()).as(byCitizen.body()).isEqualTo(200);
    assertThat(byCitizen.body())
        .contains("bs.xuat")
        .contains("001******399")
        .doesNotContain(citizen);
    assertThat(auditGet(auditor, "/api/v1/audit/records?citizenId=12345").statusCode())
        .isEqualTo(400);

    HttpResponse<String> csv =
        auditGet(auditor, "/api/v1/audit/export?format=csv&username=bs.xuat");
    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
    assertThat(csv.body()).contains("seq,recorded_at,type,outcome").contains("FOUND");
    assertThat(csv.body()).contains("001******399").doesNotContain(citizen);

    HttpResponse<String> fhir =
        auditGet(auditor, "/api/v1/audit/export?format=fhir&username=bs.xuat");
    assertThat(fhir.statusCode()).isEqualTo(200);
    Map<String, Object> bundle = com.nimbusds.jose.util.JSONObjectUtils.parse(fhir.body());
    assertThat(bundle).containsEntry("resourceType", "Bundle");
    assertThat(fhir.body())
        .contains("\"resourceType\":\"AuditEvent\"")
        .contains("\"code\":\"rest\"")
        .contains("\"code\":\"ETREAT\"")
        .contains("citizen-pseudonym")
        .doesNotContain(citizen);
    assertThat(auditGet(auditor, "/api/v1/audit/export?format=xml").statusCode()).isEqualTo(400);

    // Every one of those reads is in the trail, with the citizen by pseudonym only, stating the
    // filters the auditor set and no others.
    assertThat(trailOf("kt.kiemtra"))
        .extracting(r -> r.event().type() + " " + r.event().detail())
        .anyMatch(v -> v.matches("AUDIT_VIEW records citizenRef=[0-9a-f]{8,}"))
        .contains("AUDIT_VIEW export fhir username=bs.xuat")
        .noneMatch(v -> v.contains("=null"))
        .noneMatch(v -> v.contains(citizen));
    // ...and from which address the auditor read it.
    assertThat(trailOf("kt.kiemtra"))
        .extracting(r -> r.event().sourceIp())
        .isNotEmpty()
        .containsOnly("127.0.0.1");
  }

  @ParameterizedTest(name = "sent chunked: {0}")
  @ValueSource(booleans = {false, true})
  void oversizedBodyIsRefused(boolean sentChunked) throws Exception {
    // Chunked, there is no Content-Length to go by: the body itself must be counted.
    String huge = body("x".repeat(200_000), "TREATMENT");
    String user = sentChunked ? "bs.giang" : "bs.em";
    HttpResponse<String> response =
        lookup(
            tokens.token(user, "population-lookup"),
            sentChunked ? chunked(huge) : HttpRequest.BodyPublishers.ofString(huge));
    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(response.body()).contains("PAYLOAD_TOO_LARGE").contains("quá lớn");
    assertThat(trailOf(user)).isEmpty();
  }

  @Test
  void chunkedBodyWithinTheLimitIsLookedUp() throws Exception {
    HttpResponse<String> response =
        lookup(tokens.token("bs.hoa", "population-lookup"), chunked(body(CITIZEN, "TREATMENT")));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(response.body()).contains("\"found\":true");
    assertThat(trailOf("bs.hoa"))
        .extracting(r -> r.event().outcome())
        .containsExactly("FOUND", "REQUESTED");
  }

  /** A body the client streams without declaring its length (Transfer-Encoding: chunked). */
  static HttpRequest.BodyPublisher chunked(String body) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    return HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes));
  }

  JWTClaimsSet.Builder attacker() {
    return tokens.claims("attacker", "population-lookup");
  }

  int statusFor(JWTClaimsSet.Builder claims, String request) throws Exception {
    return lookup(tokens.sign(claims.build()), request).statusCode();
  }

  @Test
  void tokenAttacksAreRejected() throws Exception {
    JWTClaimsSet good = tokens.claims("attacker", "population-lookup").build();
    String request = body(CITIZEN, "TREATMENT");
    assertThat(lookup(null, request).statusCode()).as("no token").isEqualTo(401);
    assertThat(lookup(tokens.unsigned(good), request).statusCode()).as("alg none").isEqualTo(401);
    assertThat(lookup(tokens.hmacWithPublicKey(good), request).statusCode())
        .as("HS256 keyed with the public key")
        .isEqualTo(401);
    Date past = Date.from(Instant.now().minusSeconds(3600));
    assertThat(statusFor(attacker().issueTime(past).expirationTime(past), request))
        .as("expired")
        .isEqualTo(401);
    assertThat(statusFor(attacker().issuer("http://127.0.0.1/realms/other"), request))
        .as("wrong issuer")
        .isEqualTo(401);
    assertThat(statusFor(attacker().audience("some-other-service"), request))
        .as("wrong audience")
        .isEqualTo(401);
    // Keycloak's ID tokens carry acr, auth_time and roles too, signed by the same key.
    assertThat(statusFor(attacker().claim("typ", "ID"), request))
        .as("ID token presented as a bearer token")
        .isEqualTo(401);
    assertThat(statusFor(attacker().claim("typ", null), request))
        .as("token without typ")
        .isEqualTo(401);
    // MFA-2: the token must show a second factor, recently.
    assertThat(statusFor(attacker().claim("acr", null), request)).as("missing acr").isEqualTo(401);
    assertThat(statusFor(attacker().claim("acr", "password"), request))
        .as("password-only acr")
        .isEqualTo(401);
    assertThat(statusFor(attacker().claim("acr", "1"), request)).as("acr 1").isEqualTo(401);
    assertThat(statusFor(attacker().claim("auth_time", null), request))
        .as("missing auth_time")
        .isEqualTo(401);
    assertThat(
            statusFor(
                attacker().claim("auth_time", Instant.now().minusSeconds(7200).getEpochSecond()),
                request))
        .as("MFA older than the max age")
        .isEqualTo(401);
    assertThat(
            statusFor(
                attacker().claim("auth_time", Instant.now().plusSeconds(3600).getEpochSecond()),
                request))
        .as("auth_time in the future")
        .isEqualTo(401);
    String tampered = tokens.token("attacker", "clinician");
    String[] parts = tampered.split("\\.");
    String forgedPayload =
        java.util.Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(
                tokens.claims("attacker", "population-lookup").build().toString().getBytes());
    assertThat(lookup(parts[0] + "." + forgedPayload + "." + parts[2], request).statusCode())
        .as("payload swapped under a valid signature")
        .isEqualTo(401);
    assertThat(trailOf("attacker")).isEmpty();
  }
}
