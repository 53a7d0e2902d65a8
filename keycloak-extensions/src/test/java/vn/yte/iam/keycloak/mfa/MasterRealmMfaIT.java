package vn.yte.iam.keycloak.mfa;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import vn.yte.iam.keycloak.support.KeycloakTestSupport;
import vn.yte.iam.keycloak.support.RealKeycloakIT;
import vn.yte.iam.testsupport.Browser;
import vn.yte.iam.testsupport.KeycloakServer;
import vn.yte.iam.testsupport.Totp;

/**
 * SEC-3 for the server's own administrators: the shipped {@code master} realm (imported at first
 * boot, as {@code ./run} and the production image do) lets nobody into the admin console or the
 * admin API with a password alone. Keycloak's stock master realm does.
 */
class MasterRealmMfaIT extends RealKeycloakIT {
  private static final String MASTER = "master";

  @Test
  void anAdministratorWithoutAnAuthenticatorGetsNoTokenAndIsToldWhy() {
    String username = "qtmc.phamvanduc";
    String password = "Qtmc-" + java.util.UUID.randomUUID() + "-7a!";
    String id = keycloak.masterAccount(username, password, true);

    KeycloakTestSupport.Response r =
        keycloak.passwordGrant(MASTER, "admin-cli", username, password, null);

    assertThat(r.status()).as(r.body()).isEqualTo(400);
    assertThat(r.body())
        .contains("invalid_grant")
        .contains(OtpEnrolledDirectGrantAuthenticator.DESCRIPTION)
        .doesNotContain("access_token");
    // The refusal is in master's own event store, which the stock realm does not keep.
    assertThat(keycloak.adminGet("/realms/master/events?type=LOGIN_ERROR&user=" + id).body())
        .contains("yte_otp_not_enrolled");
  }

  @Test
  void theConsoleEnrolsAnAuthenticatorFirstAndThenAlwaysAsksForACode() {
    String username = KeycloakServer.ADMIN_USERNAME;
    String password = keycloak.server().adminPassword();
    String console = keycloak.server().baseUrl() + "/admin/master/console/";
    Totp.Device device;
    try (Browser browser = Browser.start("vi")) {
      browser.open(console);
      KeycloakTestSupport.submitLogin(browser, username, password);
      // The password opens nothing: the authenticator enrolment comes first.
      browser.find("#kc-totp-settings-form");
      assertThat(browser.url()).doesNotContain("/admin/master/console");
      device = keycloak.enrolTotp(browser, username);
      assertThat(keycloak.recoveryCodes(username)).isNotEmpty();
      browser.awaitUrlContaining("/admin/master/console");
    }

    // From now on every sign-in asks for the code: in the browser...
    try (Browser browser = Browser.start("en")) {
      browser.open(console);
      KeycloakTestSupport.submitLogin(browser, username, password);
      browser.find("#otp");
      assertThat(browser.url()).doesNotContain("/admin/master/console");
      browser.type("#otp", device.nextCode());
      browser.click("#kc-login");
      browser.awaitUrlContaining("/admin/master/console");
    }
    // ...and for scripts that sign in with a password.
    KeycloakTestSupport.Response noCode =
        keycloak.passwordGrant(MASTER, "admin-cli", username, password, null);
    assertThat(noCode.status()).as(noCode.body()).isIn(400, 401);
    assertThat(noCode.body()).doesNotContain("access_token");
    KeycloakTestSupport.Response withCode =
        keycloak.passwordGrant(MASTER, "admin-cli", username, password, device.nextCode());
    assertThat(withCode.status()).as(withCode.body()).isEqualTo(200);

    String id = keycloak.userId(MASTER, username);
    assertThat(keycloak.adminGet("/realms/master/events?type=LOGIN&user=" + id).body())
        .contains("\"LOGIN\"");
  }

  /**
   * PW-1..4 for the accounts that administer every realm: the strict profile's password policy.
   * Keycloak's stock master realm has none, so an administrator can be given "admin123".
   */
  @Test
  void serverAdministratorsFollowTheStrictPasswordPolicy() {
    assertThat(keycloak.adminGet("/realms/master").json().get("passwordPolicy").asText())
        .contains("yte-password-composition(12)", "yte-password-issued-only", "(90)");
    KeycloakTestSupport.Response typed =
        keycloak.adminPost(
            "/realms/master/users",
            java.util.Map.of(
                "username",
                "qtmc.tranvanphuc",
                "enabled",
                true,
                "credentials",
                java.util.List.of(
                    java.util.Map.of(
                        "type",
                        "password",
                        "value",
                        "Rung-Tram#Xanh-Mai-42",
                        "temporary",
                        false))));
    assertThat(typed.status()).as(typed.body()).isEqualTo(400);
    assertThat(typed.body()).contains("yteInvalidPasswordChosenByAdmin");

    String id =
        keycloak.masterAccount(
            "qtmc.nguyenthihoa", "Qtmc-" + java.util.UUID.randomUUID() + "-7a!", true);
    KeycloakTestSupport.Response issued =
        keycloak.postJson(
            "/realms/master/yte-password-issuance/users/" + id,
            java.util.Map.of("reason", "Quản trị viên máy chủ mới, phiếu IT-2026-131"),
            keycloak.adminToken());
    assertThat(issued.status()).as(issued.body()).isEqualTo(200);
    assertThat(issued.json().get("temporary").asBoolean()).isTrue();
    assertThat(issued.json().get("password").asText().length()).isGreaterThanOrEqualTo(12);
  }

  /**
   * ACC-4 for a contractor who administers the server: past the end date, the console refuses the
   * password before any code is asked for, and the account is disabled. Stock master has no end
   * dates.
   */
  @Test
  void aServerAdministratorPastTheEndDateIsRefusedAndDisabled() {
    String username = "qtmc.nhathau";
    String password = "Qtmc-" + java.util.UUID.randomUUID() + "-7a!";
    String yesterday =
        java.time.LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).minusDays(1).toString();
    keycloak.importUser(
        MASTER,
        username,
        password,
        10,
        java.util.Map.of(
            vn.yte.iam.keycloak.account.AccountEndDate.ATTRIBUTE, java.util.List.of(yesterday)));
    try (Browser browser = Browser.start("vi")) {
      browser.open(keycloak.server().baseUrl() + "/admin/master/console/");
      KeycloakTestSupport.submitLogin(browser, username, password);
      assertThat(browser.awaitPageContaining("hết thời hạn sử dụng"))
          .doesNotContain("/admin/master/console/#");
    }
    String id = keycloak.userId(MASTER, username);
    assertThat(keycloak.adminGet("/realms/master/users/" + id).json().get("enabled").asBoolean())
        .isFalse();
  }

  @Test
  void theServerRealmIsTheShippedOneAndToolsSignInAsAServiceAccount() {
    // adminGet signs in as the bootstrap service account: client credentials, no password.
    KeycloakTestSupport.Response r = keycloak.adminGet("/realms/master");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.json().get("browserFlow").asText()).isEqualTo("yte-admin-browser");
    assertThat(r.json().get("directGrantFlow").asText()).isEqualTo("yte-admin-direct-grant");
    assertThat(r.json().get("adminEventsEnabled").asBoolean()).isTrue();
  }
}
