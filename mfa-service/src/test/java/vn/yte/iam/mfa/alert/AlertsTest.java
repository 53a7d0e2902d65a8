package vn.yte.iam.mfa.alert;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.util.JSONArrayUtils;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.yte.iam.mfa.audit.AuditEvent;
import vn.yte.iam.mfa.audit.AuditRecord;
import vn.yte.iam.mfa.audit.AuditService;
import vn.yte.iam.mfa.support.TestTokens;

/**
 * SEC-2 over the real store: brute force against one account, password spraying across accounts and
 * shared-account detections from Keycloak's events become SECURITY_ALERT records, once per window;
 * administrators and auditors read them; the webhook gets each one, signed, and gets those it
 * missed while it was down.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AlertsTest {
  static final TestTokens tokens = new TestTokens();
  static final List<Map<String, Object>> delivered = new CopyOnWriteArrayList<>();
  static final List<String> signatures = new CopyOnWriteArrayList<>();
  static final AtomicInteger webhookStatus = new AtomicInteger(204);
  static final HttpServer webhook = startWebhook();

  @Autowired AuditService audit;
  @Autowired AlertDetector detector;
  @Autowired WebhookSender sender;
  @Autowired JdbcClient jdbc;
  @Autowired Environment env;

  static HttpServer startWebhook() {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      server.createContext(
          "/hook",
          exchange -> {
            String body =
                new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            int status = webhookStatus.get();
            if (status == 204) {
              try {
                delivered.add(JSONObjectUtils.parse(body));
              } catch (java.text.ParseException e) {
                status = 400;
              }
              signatures.add(
                  exchange.getRequestHeaders().getFirst(WebhookSender.SIGNATURE_HEADER)
                      + " "
                      + WebhookSender.sign("hook-secret", body));
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
          });
      server.start();
      return server;
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add(
        "spring.datasource.url", () -> "jdbc:h2:mem:alerts;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE");
    registry.add("yte.token.issuer", () -> TestTokens.ISSUER);
    registry.add("yte.token.jwk-set-uri", tokens::jwksUri);
    registry.add("yte.population.api-key", () -> "unused");
    registry.add("yte.population.citizen-key", () -> "k".repeat(40));
    registry.add("yte.alerts.spray-accounts", () -> "4");
    // scanned and delivered by hand in these tests
    registry.add("yte.alerts.interval", () -> "1h");
    registry.add(
        "yte.alerts.webhook-url",
        () -> "http://127.0.0.1:" + webhook.getAddress().getPort() + "/hook");
    registry.add("yte.alerts.webhook-secret", () -> "hook-secret");
  }

  @AfterAll
  static void stop() {
    webhook.stop(0);
    tokens.close();
  }

  @BeforeEach
  void catchUp() {
    while (detector.scanOnce() > 0) {
      // alerts of the earlier tests and the schedule's first run are not this test's
    }
    webhookStatus.set(204);
    sender.deliverOnce();
    delivered.clear();
    signatures.clear();
  }

  @Test
  void fiveFailedLoginsOfOneAccountAreBruteForceOnce() {
    for (int i = 0; i < 4; i++) {
      audit.append(loginError("bs.trananh", "10.0.0.5"));
    }
    detector.scanOnce();
    assertThat(alerts("BRUTE_FORCE", "bs.trananh")).isEmpty();

    audit.append(loginError("bs.trananh", "10.0.0.5"));
    detector.scanOnce();
    assertThat(alerts("BRUTE_FORCE", "bs.trananh"))
        .singleElement()
        .satisfies(a -> assertThat(a.event().detail()).isEqualTo("5 failed logins in 10 min"));

    // More failures in the same window: still one alert, not one per attempt.
    audit.append(loginError("bs.trananh", "10.0.0.5"));
    audit.append(loginError("bs.trananh", "10.0.0.5"));
    detector.scanOnce();
    assertThat(alerts("BRUTE_FORCE", "bs.trananh")).hasSize(1);
  }

  @Test
  void fewFailuresEachOnManyAccountsFromOneAddressIsSpraying() {
    for (String user : List.of("a.nguyen", "b.tran", "c.le", "d.pham")) {
      audit.append(loginError(user, "203.0.113.9"));
    }
    audit.append(loginError("e.vo", "10.9.9.9")); // elsewhere: not part of it
    detector.scanOnce();
    List<AuditRecord> spraying =
        audit.latest(Alert.TYPE, 50).stream()
            .filter(r -> r.event().outcome().equals("PASSWORD_SPRAYING"))
            .toList();
    assertThat(spraying)
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.event().sourceIp()).isEqualTo("203.0.113.9");
              assertThat(a.event().detail()).startsWith("4 accounts");
            });
    assertThat(alerts("BRUTE_FORCE", "a.nguyen")).isEmpty();
  }

  @Test
  void aSharedAccountDetectionInKeycloakIsAnAlert() {
    audit.append(
        new AuditEvent(
            "KC_LOGIN",
            "SUCCESS",
            "u-1",
            "letan.chung",
            "sid-2",
            "his-demo",
            "10.1.1.2",
            null,
            null,
            null,
            null,
            "{auth_method=openid-connect, username=letan.chung,"
                + " yte_other_addresses=10.1.1.1, yte_shared_account=CONCURRENT_ELSEWHERE,"
                + " yte_shared_action=flag}"));
    audit.append(loginSuccess("bs.binh")); // an ordinary login raises nothing
    detector.scanOnce();
    assertThat(alerts("SHARED_ACCOUNT", "letan.chung"))
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.event().detail()).isEqualTo("signals CONCURRENT_ELSEWHERE, action flag");
              assertThat(a.event().sessionId()).isEqualTo("sid-2");
            });
    assertThat(alerts("SHARED_ACCOUNT", "bs.binh")).isEmpty();
  }

  @Test
  void theWebhookGetsEveryAlertSignedAndThoseItMissedWhileDown() {
    webhookStatus.set(503);
    for (int i = 0; i < 5; i++) {
      audit.append(loginError("dd.hoang", "10.0.0.7"));
    }
    detector.scanOnce();
    assertThat(sender.deliverOnce()).isZero();
    assertThat(delivered).isEmpty();

    webhookStatus.set(204);
    assertThat(sender.deliverOnce()).isEqualTo(1);
    assertThat(sender.deliverOnce()).as("delivered once").isZero();
    assertThat(delivered)
        .singleElement()
        .satisfies(
            body -> {
              assertThat(body.get("kind")).isEqualTo("BRUTE_FORCE");
              assertThat(body.get("account")).isEqualTo("dd.hoang");
              assertThat((String) body.get("message")).startsWith("Dò mật khẩu tài khoản dd.hoang");
              assertThat((String) body.get("message_en")).startsWith("Password guessing");
            });
    String[] signature = signatures.get(0).split(" ");
    assertThat(signature[0]).isEqualTo("sha256=" + signature[1]);
  }

  @Test
  void administratorsAndAuditorsReadAlertsOthersDoNot() throws Exception {
    for (int i = 0; i < 5; i++) {
      audit.append(loginError("ee.dang", "10.0.0.8"));
    }
    detector.scanOnce();
    HttpResponse<String> admin = get(tokens.token("qt.admin", "iam-admin"));
    assertThat(admin.statusCode()).isEqualTo(200);
    List<Object> alerts = JSONArrayUtils.parse(admin.body());
    assertThat(((Map<?, ?>) alerts.get(0)).get("account")).isEqualTo("ee.dang");
    assertThat(get(tokens.token("kt.auditor", "auditor")).statusCode()).isEqualTo(200);
    assertThat(get(tokens.token("bs.clinician", "clinician")).statusCode()).isEqualTo(403);
    assertThat(
            audit.latest("AUDIT_VIEW", 5).stream()
                .filter(r -> "qt.admin".equals(r.event().actorUsername()))
                .map(r -> r.event().detail()))
        .containsExactly("alerts");
  }

  private HttpResponse<String> get(String bearer) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(
                    URI.create(
                        "http://127.0.0.1:"
                            + env.getProperty("local.server.port")
                            + "/api/v1/alerts"))
                .header("Authorization", "Bearer " + bearer)
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }

  private List<AuditRecord> alerts(String kind, String account) {
    return audit.latest(Alert.TYPE, 100).stream()
        .filter(r -> r.event().outcome().equals(kind))
        .filter(r -> account.equals(r.event().actorUsername()))
        .toList();
  }

  private static AuditEvent loginError(String username, String address) {
    return new AuditEvent(
        "KC_LOGIN_ERROR",
        "ERROR",
        null,
        username,
        null,
        "his-demo",
        address,
        null,
        null,
        null,
        null,
        "error=invalid_user_credentials {auth_method=openid-connect, username=" + username + "}");
  }

  private static AuditEvent loginSuccess(String username) {
    return new AuditEvent(
        "KC_LOGIN",
        "SUCCESS",
        "u-2",
        username,
        "sid-3",
        "his-demo",
        "10.1.1.3",
        null,
        null,
        null,
        null,
        "{auth_method=openid-connect, username=" + username + "}");
  }
}
