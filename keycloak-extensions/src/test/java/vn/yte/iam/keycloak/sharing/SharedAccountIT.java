package vn.yte.iam.keycloak.sharing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.yte.iam.keycloak.support.KeycloakTestSupport;
import vn.yte.iam.keycloak.support.RealKeycloakIT;
import vn.yte.iam.testsupport.Browser;

/**
 * ACC-3 on the shipped flows of real Keycloak. Workstations are told apart by the address the proxy
 * forwards, as in production; each browser sends its own.
 */
class SharedAccountIT extends RealKeycloakIT {
  static final String CLINICIAN = KeycloakTestSupport.CLINICIAN;
  static final String ADMIN = "qt.tranthibinh";
  static final String ADMIN_PASSWORD = "Demo-Admin-2026!x";

  @Test
  void twoBrowsersOnTwoWorkstationsAreFlaggedAndAuditorsSeeItWithinASecond() {
    String auditor = keycloak.demoToken("kt.lethichi", "Demo-Auditor-2026!x");
    startFresh(CLINICIAN);
    long since = System.currentTimeMillis();
    try (Browser ward = Browser.start("vi");
        Browser pharmacy = Browser.start("vi")) {
      ward.sendHeaders(Map.of("X-Forwarded-For", "10.1.1.10"));
      pharmacy.sendHeaders(Map.of("X-Forwarded-For", "10.2.2.20"));
      logIn(ward);
      logIn(pharmacy);
    }
    long loggedIn = System.nanoTime();
    JsonNode signals = awaitSignals(auditor, since);
    long visibleMillis = (System.nanoTime() - loggedIn) / 1_000_000;

    assertThat(visibleMillis).as("visible to auditors within 1 s").isLessThan(1000);
    // Newest first: the second workstation's login. (The first may carry an interval signal
    // from this user's earlier logins in other tests, never a concurrent session.)
    JsonNode signal = signals.get(0);
    for (JsonNode earlier : signals) {
      if (earlier != signal) {
        assertThat(earlier.get("signals").asText()).doesNotContain("CONCURRENT_SESSION");
      }
    }
    assertThat(signal.get("userId").asText()).isEqualTo(keycloak.userId(CLINICIAN));
    assertThat(signal.get("type").asText()).isEqualTo("LOGIN");
    assertThat(signal.get("ipAddress").asText()).isEqualTo("10.2.2.20");
    assertThat(signal.get("signals").asText()).contains("CONCURRENT_SESSION");
    assertThat(signal.get("action").asText()).isEqualTo("flag");
    assertThat(signal.get("otherAddresses").asText()).isEqualTo("10.1.1.10");
    // Flagging does not end anyone's work: both sessions are still there.
    assertThat(sessionsOf(CLINICIAN)).hasSize(2);
  }

  @Test
  void theRealmCanRefuseTheSecondWorkstationOrEndTheFirstSession() {
    String config = sharingConfigId();
    try {
      setAction(config, "deny");
      assertThat(grantFrom("10.1.1.10").status()).isEqualTo(200);
      KeycloakTestSupport.Response refused = grantFrom("10.7.7.70");
      assertThat(refused.status()).isEqualTo(400);
      assertThat(refused.json().get("error_description").asText())
          .contains("máy khác")
          .contains("another workstation");
      assertThat(sessionsOf(ADMIN))
          .extracting(s -> s.get("ipAddress").asText())
          .containsExactly("10.1.1.10");

      setAction(config, "terminate");
      assertThat(grantFrom("10.7.7.70").status()).isEqualTo(200);
      assertThat(sessionsOf(ADMIN))
          .extracting(s -> s.get("ipAddress").asText())
          .containsExactly("10.7.7.70");

      JsonNode signals =
          keycloak
              .get("/realms/yte-demo/yte-accounts/shared-account-signals", keycloak.adminToken())
              .json();
      assertThat(signals.get("signals"))
          .extracting(s -> s.get("type").asText() + "/" + s.get("action").asText())
          .contains("LOGIN_ERROR/deny", "LOGIN/terminate");
    } finally {
      setAction(config, "flag");
    }
  }

  @Test
  void signalsAreForThoseWhoMayReadEvents() {
    String clinician = keycloak.demoToken(CLINICIAN, KeycloakTestSupport.CLINICIAN_PASSWORD);
    assertThat(
            keycloak
                .get("/realms/yte-demo/yte-accounts/shared-account-signals", clinician)
                .status())
        .isEqualTo(403);
  }

  /** No live sessions: what other tests did with this user does not count. */
  private void startFresh(String username) {
    keycloak.adminPost("/realms/yte-demo/users/" + keycloak.userId(username) + "/logout", Map.of());
  }

  private void logIn(Browser browser) {
    browser.open(keycloak.authUrl("intranet-demo", null));
    KeycloakTestSupport.submitLogin(browser, CLINICIAN, KeycloakTestSupport.CLINICIAN_PASSWORD);
    browser.type("#otp", keycloak.device(CLINICIAN).nextCode());
    browser.click("#kc-login");
    browser.awaitUrlContaining("code=");
  }

  private KeycloakTestSupport.Response grantFrom(String address) {
    return keycloak.passwordGrantFrom(
        address, "yte-demo", "his-demo", ADMIN, ADMIN_PASSWORD, keycloak.device(ADMIN).nextCode());
  }

  private JsonNode awaitSignals(String token, long since) {
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (true) {
      JsonNode signals =
          keycloak
              .get("/realms/yte-demo/yte-accounts/shared-account-signals?since=" + since, token)
              .json()
              .get("signals");
      if (signals.size() > 0 || System.nanoTime() > deadline) {
        return signals;
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return signals;
      }
    }
  }

  private JsonNode sessionsOf(String username) {
    return keycloak
        .adminGet("/realms/yte-demo/users/" + keycloak.userId(username) + "/sessions")
        .json();
  }

  private String sharingConfigId() {
    for (JsonNode e :
        keycloak
            .adminGet("/realms/yte-demo/authentication/flows/yte-direct-grant/executions")
            .json()) {
      if ("yte-shared-account-direct-grant".equals(e.path("providerId").asText())) {
        return e.get("authenticationConfig").asText();
      }
    }
    throw new IllegalStateException("No shared-account step in yte-direct-grant");
  }

  private void setAction(String configId, String action) {
    JsonNode config =
        keycloak.adminGet("/realms/yte-demo/authentication/config/" + configId).json();
    ((com.fasterxml.jackson.databind.node.ObjectNode) config.get("config"))
        .put("yte.sharing.action", action);
    KeycloakTestSupport.Response r =
        keycloak.adminPut("/realms/yte-demo/authentication/config/" + configId, config);
    assertThat(r.status()).as(r.body()).isEqualTo(204);
  }
}
