package vn.yte.iam.keycloak.account;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.yte.iam.keycloak.support.KeycloakTestSupport;
import vn.yte.iam.keycloak.support.RealKeycloakIT;
import vn.yte.iam.testsupport.Browser;

/** ACC-4 on the real server: contractor accounts stop working after their end date. */
class AccountEndDateIT extends RealKeycloakIT {
  private static final String REALM = KeycloakTestSupport.REALM;
  private static final String PASSWORD = "Cau-Rong#Bac-Qua-Song-5";
  private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));

  private static Map<String, List<String>> attributes(String cccd, LocalDate endDate) {
    return Map.of("cccd", List.of(cccd), AccountEndDate.ATTRIBUTE, List.of(endDate.toString()));
  }

  private static boolean enabled(String username) {
    return keycloak
        .adminGet("/realms/" + REALM + "/users/" + keycloak.userId(username))
        .json()
        .get("enabled")
        .asBoolean();
  }

  @Test
  void anEndedAccountIsRefusedAtBrowserLoginAndDisabled() {
    keycloak.importUser(
        REALM, "nt.ketthuc", PASSWORD, 10, attributes("001090900001", TODAY.minusDays(1)));
    try (Browser browser = Browser.start("vi")) {
      browser.open(keycloak.browserLoginUrl(null));
      KeycloakTestSupport.submitLogin(browser, "nt.ketthuc", PASSWORD);
      assertThat(browser.awaitPageContaining("hết thời hạn sử dụng")).doesNotContain("code=");
    }
    assertThat(enabled("nt.ketthuc")).isFalse();
  }

  @Test
  void theLastDayStillWorksAndTheDirectGrantStopsTheDayAfter() {
    keycloak.importUser(REALM, "nt.thauphu", PASSWORD, 10, attributes("001090900002", TODAY));
    // MFA-1: before enrolling, the direct grant says what to do (stock Keycloak answers 500).
    KeycloakTestSupport.Response notEnrolled =
        keycloak.passwordGrant(REALM, "his-demo", "nt.thauphu", PASSWORD, null);
    assertThat(notEnrolled.status()).isEqualTo(400);
    assertThat(notEnrolled.body()).contains("No authenticator enrolled");
    try (Browser browser = Browser.start("vi")) {
      browser.open(keycloak.browserLoginUrl(null));
      KeycloakTestSupport.submitLogin(browser, "nt.thauphu", PASSWORD);
      keycloak.enrolTotp(browser, "nt.thauphu");
      browser.awaitUrlContaining("code=");
    }
    assertThat(keycloak.demoGrant("nt.thauphu", PASSWORD).status()).isEqualTo(200);

    String id = keycloak.userId("nt.thauphu");
    ObjectNode rep = (ObjectNode) keycloak.adminGet("/realms/" + REALM + "/users/" + id).json();
    ((ObjectNode) rep.get("attributes"))
        .putArray(AccountEndDate.ATTRIBUTE)
        .add(TODAY.minusDays(1).toString());
    assertThat(keycloak.adminPut("/realms/" + REALM + "/users/" + id, rep).status()).isEqualTo(204);

    KeycloakTestSupport.Response refused = keycloak.demoGrant("nt.thauphu", PASSWORD);
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.body()).contains("end date");
    assertThat(enabled("nt.thauphu")).isFalse();
  }

  @Test
  void theSweepDisablesEndedAccountsWithoutWaitingForALogin() {
    keycloak.importUser(
        REALM, "nt.hethan", PASSWORD, 10, attributes("001090900003", TODAY.minusDays(3)));
    keycloak.importUser(
        REALM, "nt.conhan", PASSWORD, 10, attributes("001090900004", TODAY.plusDays(30)));
    KeycloakTestSupport.Response swept =
        keycloak.postJson(
            "/realms/" + REALM + "/yte-accounts/end-dates", Map.of(), keycloak.adminToken());
    assertThat(swept.status()).as(swept.body()).isEqualTo(200);
    assertThat(swept.json().get("disabled").asInt()).isGreaterThanOrEqualTo(1);
    assertThat(enabled("nt.hethan")).isFalse();
    assertThat(enabled("nt.conhan")).isTrue();
    assertThat(
            keycloak.adminGet("/realms/" + REALM + "/users/" + keycloak.userId("nt.hethan")).body())
        .contains("account end date");
  }

  @Test
  void endDatesAreValidatedAndOnlyAdministratorsRunTheSweep() {
    KeycloakTestSupport.Response bad =
        keycloak.adminPost(
            "/realms/" + REALM + "/users",
            Map.of(
                "username", "nt.saingay",
                "enabled", true,
                "firstName", "Sai",
                "lastName", "Ngày",
                "attributes",
                    Map.of(
                        "cccd",
                        List.of("001090900005"),
                        AccountEndDate.ATTRIBUTE,
                        List.of("31/12/2026"))));
    assertThat(bad.status()).isEqualTo(400);
    assertThat(
            keycloak
                .postJson("/realms/" + REALM + "/yte-accounts/end-dates", Map.of(), null)
                .status())
        .isEqualTo(401);
  }
}
