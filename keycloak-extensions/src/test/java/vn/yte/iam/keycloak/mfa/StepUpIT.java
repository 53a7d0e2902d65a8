package vn.yte.iam.keycloak.mfa;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.yte.iam.keycloak.support.KeycloakTestSupport;
import vn.yte.iam.keycloak.support.RealKeycloakIT;
import vn.yte.iam.testsupport.Browser;

/**
 * MFA-2 and MFA-3 in real Chromium against the shipped browser flow: step-up for the population-
 * database client, {@code acr}/{@code amr} that survive refresh, replayed codes, recovery codes and
 * the one-authenticator limit.
 */
class StepUpIT extends RealKeycloakIT {
  static final String USER = KeycloakTestSupport.CLINICIAN;
  static final String PASSWORD = KeycloakTestSupport.CLINICIAN_PASSWORD;

  @Test
  void thePopulationDatabaseClientDemandsAFreshSecondFactor() throws Exception {
    try (Browser browser = Browser.start("vi")) {
      // Morning login to an ordinary system: password and TOTP (MFA-1).
      browser.open(keycloak.authUrl("intranet-demo", null));
      KeycloakTestSupport.submitLogin(browser, USER, PASSWORD);
      browser.type("#otp", keycloak.device(USER).nextCode());
      browser.click("#kc-login");
      JsonNode intranet = keycloak.redeem("intranet-demo", browser.awaitUrlContaining("code="));
      assertThat(claims(intranet, "amr")).contains("pwd", "otp");
      assertThat(
              KeycloakTestSupport.claims(intranet.get("access_token").asText()).get("acr").asText())
          .isEqualTo("mfa");

      // Within the max age, the population-database client gets MFA from the SSO session.
      browser.open(keycloak.authUrl("his-demo", null));
      JsonNode his = keycloak.redeem("his-demo", browser.awaitUrlContaining("code="));
      assertThat(KeycloakTestSupport.claims(his.get("access_token").asText()).get("acr").asText())
          .isEqualTo("mfa-fresh");

      String loa3 = loaConfigId();
      try {
        setMaxAge(loa3, "2");
        Thread.sleep(3000);
        // An ordinary system still rides on the session...
        browser.open(keycloak.authUrl("intranet-demo", null));
        browser.awaitUrlContaining("code=");
        // ...the population-database client asks for a code again, and only for the code.
        long before = System.currentTimeMillis() / 1000;
        browser.open(keycloak.authUrl("his-demo", null));
        browser.find("#otp");
        assertThat(browser.present("#password")).isFalse();
        browser.type("#otp", keycloak.device(USER).nextCode());
        browser.click("#kc-login");
        JsonNode stepped = keycloak.redeem("his-demo", browser.awaitUrlContaining("code="));
        JsonNode token = KeycloakTestSupport.claims(stepped.get("access_token").asText());
        assertThat(token.get("acr").asText()).isEqualTo("mfa-fresh");
        assertThat(token.get("auth_time").asLong()).isGreaterThanOrEqualTo(before);
        assertThat(claims(stepped, "amr")).contains("pwd", "otp");

        // A refreshed token keeps acr and amr: the gateway can rely on them.
        JsonNode refreshed = keycloak.refresh("his-demo", stepped.get("refresh_token").asText());
        JsonNode again = KeycloakTestSupport.claims(refreshed.get("access_token").asText());
        assertThat(again.get("acr").asText()).isEqualTo("mfa-fresh");
        assertThat(again.get("auth_time").asLong()).isEqualTo(token.get("auth_time").asLong());
        assertThat(claims(refreshed, "amr")).contains("pwd", "otp");
      } finally {
        setMaxAge(loa3, "900");
      }
    }
  }

  @Test
  void aReplayedCodeIsExplainedAndTheNextCodeWorks() {
    String code;
    try (Browser first = Browser.start("vi")) {
      first.open(keycloak.authUrl("intranet-demo", null));
      KeycloakTestSupport.submitLogin(first, "kt.lethichi", "Demo-Auditor-2026!x");
      code = keycloak.device("kt.lethichi").nextCode();
      first.type("#otp", code);
      first.click("#kc-login");
      first.awaitUrlContaining("code=");
    }
    try (Browser second = Browser.start("vi")) {
      second.open(keycloak.authUrl("intranet-demo", null));
      KeycloakTestSupport.submitLogin(second, "kt.lethichi", "Demo-Auditor-2026!x");
      second.type("#otp", code);
      second.click("#kc-login");
      second.awaitPageContaining("Mã này đã được dùng");
      second.type("#otp", keycloak.device("kt.lethichi").nextCode());
      second.click("#kc-login");
      second.awaitUrlContaining("code=");
    }
  }

  @Test
  void aLostPhoneIsReplacedByARecoveryCodeAndOnlyOneAuthenticatorIsAllowed() {
    keycloak.importUser("yte-demo", "bs.recovery", "Song-Hong#Phu-Sa-9", 10, Map.of());
    try (Browser browser = Browser.start("vi")) {
      browser.open(keycloak.authUrl("intranet-demo", null));
      KeycloakTestSupport.submitLogin(browser, "bs.recovery", "Song-Hong#Phu-Sa-9");
      browser.find("#kc-totp-settings-form");
      keycloak.enrolTotp(browser, "bs.recovery");
      browser.awaitUrlContaining("code=");
      assertThat(keycloak.recoveryCodes("bs.recovery")).hasSize(12);

      // MFA-3: a second authenticator is refused, in the account console's own action (which
      // first asks for the current second factor again).
      browser.open(keycloak.authUrl("intranet-demo", "kc_action=CONFIGURE_TOTP"));
      browser.type("#otp", keycloak.device("bs.recovery").nextCode());
      browser.click("#kc-login");
      browser.awaitPageContaining("tối đa 1 ứng dụng xác thực");
    }
    List<String> codes = keycloak.recoveryCodes("bs.recovery");
    try (Browser browser = Browser.start("vi")) {
      browser.open(keycloak.authUrl("intranet-demo", null));
      KeycloakTestSupport.submitLogin(browser, "bs.recovery", "Song-Hong#Phu-Sa-9");
      browser.awaitPageContaining("mã khôi phục số 1");
      browser.type("#otp", codes.get(0));
      browser.click("#kc-login");
      browser.awaitUrlContaining("code=");
    }
    try (Browser browser = Browser.start("vi")) {
      // Each recovery code works once: the next login wants number 2.
      browser.open(keycloak.authUrl("intranet-demo", null));
      KeycloakTestSupport.submitLogin(browser, "bs.recovery", "Song-Hong#Phu-Sa-9");
      browser.awaitPageContaining("mã khôi phục số 2");
    }
  }

  /**
   * A realm may require MFA for some roles only: the baseline drops to level 1, a role raises it.
   */
  @Test
  void mfaCanBeRequiredByRoleInsteadOfForEveryone() {
    String flows = "/realms/yte-demo/authentication";
    String baseline = configOf("yte-minimum-level");
    KeycloakTestSupport.Response added =
        keycloak.adminPost(
            flows + "/flows/yte-browser-level-1/executions/execution",
            Map.of("provider", "yte-minimum-level-for-roles"));
    assertThat(added.status()).as(added.body()).isEqualTo(201);
    JsonNode step = execution("yte-minimum-level-for-roles");
    try {
      setConfig(baseline, "yte.loa.minimum", "1");
      ((ObjectNode) step).put("requirement", "REQUIRED");
      assertThat(keycloak.adminPut(flows + "/flows/yte-browser/executions", step).status())
          .isEqualTo(204);
      KeycloakTestSupport.Response configured =
          keycloak.adminPost(
              flows + "/executions/" + step.get("id").asText() + "/config",
              Map.of(
                  "alias",
                  "yte-mfa-by-role",
                  "config",
                  Map.of("yte.loa.roles", "population-lookup", "yte.loa.minimum", "2")));
      assertThat(configured.status()).as(configured.body()).isEqualTo(201);

      try (Browser browser = Browser.start("vi")) {
        // The auditor holds no listed role: the password is enough here.
        browser.open(keycloak.authUrl("intranet-demo", null));
        KeycloakTestSupport.submitLogin(browser, "kt.lethichi", "Demo-Auditor-2026!x");
        JsonNode auditor = keycloak.redeem("intranet-demo", browser.awaitUrlContaining("code="));
        assertThat(
                KeycloakTestSupport.claims(auditor.get("access_token").asText())
                    .get("acr")
                    .asText())
            .isEqualTo("password");
      }
      try (Browser browser = Browser.start("vi")) {
        // The clinician may look up the population database: TOTP as well.
        browser.open(keycloak.authUrl("intranet-demo", null));
        KeycloakTestSupport.submitLogin(browser, USER, PASSWORD);
        browser.type("#otp", keycloak.device(USER).nextCode());
        browser.click("#kc-login");
        JsonNode clinician = keycloak.redeem("intranet-demo", browser.awaitUrlContaining("code="));
        assertThat(
                KeycloakTestSupport.claims(clinician.get("access_token").asText())
                    .get("acr")
                    .asText())
            .isEqualTo("mfa");
      }
    } finally {
      keycloak.adminDelete(flows + "/executions/" + step.get("id").asText());
      setConfig(baseline, "yte.loa.minimum", "2");
    }
  }

  private JsonNode execution(String providerId) {
    for (JsonNode e :
        keycloak.adminGet("/realms/yte-demo/authentication/flows/yte-browser/executions").json()) {
      if (providerId.equals(e.path("providerId").asText())) {
        return e;
      }
    }
    throw new IllegalStateException("No " + providerId + " in yte-browser");
  }

  private String configOf(String providerId) {
    return execution(providerId).get("authenticationConfig").asText();
  }

  private static List<String> claims(JsonNode tokens, String claim) {
    JsonNode values = KeycloakTestSupport.claims(tokens.get("access_token").asText()).path(claim);
    List<String> out = new java.util.ArrayList<>();
    values.forEach(v -> out.add(v.asText()));
    return out;
  }

  private String loaConfigId() {
    for (JsonNode e :
        keycloak.adminGet("/realms/yte-demo/authentication/flows/yte-browser/executions").json()) {
      if ("conditional-level-of-authentication".equals(e.path("providerId").asText())
          && e.path("authenticationConfig").isTextual()) {
        JsonNode config =
            keycloak
                .adminGet(
                    "/realms/yte-demo/authentication/config/"
                        + e.get("authenticationConfig").asText())
                .json();
        if ("3".equals(config.get("config").path("loa-condition-level").asText())) {
          return config.get("id").asText();
        }
      }
    }
    throw new IllegalStateException("No level-3 condition in yte-browser");
  }

  private void setMaxAge(String configId, String seconds) {
    setConfig(configId, "loa-max-age", seconds);
  }

  private void setConfig(String configId, String key, String value) {
    JsonNode config =
        keycloak.adminGet("/realms/yte-demo/authentication/config/" + configId).json();
    ((ObjectNode) config.get("config")).put(key, value);
    KeycloakTestSupport.Response r =
        keycloak.adminPut("/realms/yte-demo/authentication/config/" + configId, config);
    assertThat(r.status()).as(r.body()).isEqualTo(204);
  }
}
