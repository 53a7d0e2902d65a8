package vn.yte.iam.keycloak.account;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.yte.iam.keycloak.support.KeycloakTestSupport;
import vn.yte.iam.keycloak.support.RealKeycloakIT;
import vn.yte.iam.testsupport.Browser;

/** ACC-1 and ACC-2 through the admin API of the real server, on the demo realm's user profile. */
class AccountRulesIT extends RealKeycloakIT {
  private static final String USERS = "/realms/" + KeycloakTestSupport.REALM + "/users";

  private static KeycloakTestSupport.Response create(
      String username, String cccd, String birthdate) {
    Map<String, List<String>> attributes =
        birthdate == null
            ? Map.of("cccd", List.of(cccd))
            : Map.of("cccd", List.of(cccd), "birthdate", List.of(birthdate));
    return keycloak.adminPost(
        USERS,
        Map.of(
            "username",
            username,
            "enabled",
            true,
            "firstName",
            "Em",
            "lastName",
            "Hoàng Văn",
            "email",
            username + "@benhvien-demo.vn",
            "attributes",
            attributes));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "admin",
    "letan01",
    "Lễ.Tân-02",
    "bacsi.khoanoi2",
    "khoa.capcuu",
    "test",
    "user1",
    "yta3",
    "a1",
    "12345",
    "quantri.cntt"
  })
  void genericUsernamesAreRefused(String username) {
    KeycloakTestSupport.Response r = create(username, "001090888001", null);
    assertThat(r.status()).as(r.body()).isEqualTo(400);
    assertThat(r.body()).contains("yteUsernameGeneric");
  }

  @ParameterizedTest(name = "{1} -> {2}")
  @CsvSource({
    "dd.cccd1, 00109088800, yteCccdFormat",
    "dd.cccd2, 00109088800x, yteCccdFormat",
    "dd.cccd3, 003090888002, yteCccdProvince",
    "dd.cccd4, 001990888003, yteCccdBirthYear"
  })
  void malformedCitizenIdsAreRefusedByName(String username, String cccd, String message) {
    KeycloakTestSupport.Response r = create(username, cccd, null);
    assertThat(r.status()).as(r.body()).isEqualTo(400);
    assertThat(r.body()).contains(message);
  }

  @Test
  void citizenIdMustMatchTheBirthYear() {
    KeycloakTestSupport.Response r = create("dd.ngosinh", "001090888004", "1991-03-04");
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.body()).contains("yteCccdBirthYear");
    assertThat(create("dd.ngosinh", "001090888004", "1990-03-04").status()).isEqualTo(201);
  }

  @Test
  void citizenIdIsRequired() {
    KeycloakTestSupport.Response r =
        keycloak.adminPost(
            USERS,
            Map.of("username", "dd.khongcccd", "enabled", true, "firstName", "A", "lastName", "B"));
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.body()).contains("cccd");
  }

  @Test
  void oneCitizenIdOneAccountOnCreateAndUpdate() {
    // bs.nguyenvanan holds 001090012345 in the demo realm.
    KeycloakTestSupport.Response copy = create("bs.nguyenvanan2", "001090012345", null);
    assertThat(copy.status()).isEqualTo(400);
    assertThat(copy.body()).contains("yteAttributeTaken").doesNotContain("bs.nguyenvanan\"");

    assertThat(create("dd.tranvanbon", "001090888005", null).status()).isEqualTo(201);
    String id = keycloak.userId("dd.tranvanbon");
    ObjectNode rep = (ObjectNode) keycloak.adminGet(USERS + "/" + id).json();
    ((ObjectNode) rep.get("attributes")).putArray("cccd").add("001090012345");
    KeycloakTestSupport.Response taken = keycloak.adminPut(USERS + "/" + id, rep);
    assertThat(taken.status()).isEqualTo(400);
    assertThat(taken.body()).contains("yteAttributeTaken");

    // Saving a user with their own number is not a clash with themselves.
    ((ObjectNode) rep.get("attributes")).putArray("cccd").add("001090888005");
    rep.put("lastName", "Trần Văn");
    assertThat(keycloak.adminPut(USERS + "/" + id, rep).status()).isEqualTo(204);
  }

  /** Imports bypass the user profile; the duplicate report finds what they let in. */
  @Test
  void duplicateReportFindsACitizenIdBroughtInByImport() {
    keycloak.adminPost(
        "/realms/" + KeycloakTestSupport.REALM + "/partialImport",
        Map.of(
            "ifResourceExists",
            "SKIP",
            "users",
            List.of(
                Map.of(
                    "username", "dd.nhapkhau",
                    "enabled", true,
                    "firstName", "Nhập",
                    "lastName", "Khẩu",
                    "attributes", Map.of("cccd", List.of("079192034567"))))));
    KeycloakTestSupport.Response report =
        keycloak.get(
            "/realms/" + KeycloakTestSupport.REALM + "/yte-accounts/duplicate-citizen-ids",
            keycloak.adminToken());
    assertThat(report.status()).as(report.body()).isEqualTo(200);
    assertThat(report.body())
        .contains("079******567")
        .contains("kt.lethichi")
        .contains("dd.nhapkhau")
        .doesNotContain("079192034567");
  }

  /**
   * ACC-1 at login for what an import or a directory let in: the holder of a duplicate citizen ID
   * is refused until IT gives the account the person's own number.
   */
  @Test
  void anImportedDuplicateCitizenIdIsRefusedAtLoginUntilCorrected() {
    String password = "Song-Ma#Nuoc-Xiet-4";
    keycloak.importUser(
        KeycloakTestSupport.REALM,
        "dd.trung",
        password,
        1,
        Map.of("cccd", List.of("001090012345"), "birthdate", List.of("1990-05-06")));
    try (Browser browser = Browser.start("vi")) {
      browser.open(keycloak.authUrl("intranet-demo", null));
      KeycloakTestSupport.submitLogin(browser, "dd.trung", password);
      browser.awaitPageContaining("số CCCD hợp lệ và chưa gắn với tài khoản khác");
      assertThat(browser.url()).doesNotContain("code=");
    }
    String id = keycloak.userId("dd.trung");
    JsonNode user = keycloak.adminGet(USERS + "/" + id).json();
    ((ObjectNode) user.get("attributes")).putArray("cccd").add("001090888077");
    assertThat(keycloak.adminPut(USERS + "/" + id, user).status()).isEqualTo(204);
    try (Browser browser = Browser.start("vi")) {
      browser.open(keycloak.authUrl("intranet-demo", null));
      KeycloakTestSupport.submitLogin(browser, "dd.trung", password);
      browser.find("#kc-totp-settings-form");
    }
  }

  /**
   * ACC-2: a machine caller is a client with a service account and an expiring secret that is
   * rotated with a grace period; its service-account user cannot log in interactively.
   */
  @Test
  void serviceAccountsAreClientsWithRotatedSecrets() {
    String realm = "/realms/" + KeycloakTestSupport.REALM;
    String id = keycloak.clientUuid(KeycloakTestSupport.REALM, "his-integration");
    String first =
        keycloak.adminGet(realm + "/clients/" + id + "/client-secret").json().get("value").asText();
    assertThat(clientCredentials(first).status()).isEqualTo(200);

    // A rotation (an administrator's, or the first save of an imported client) starts the clock.
    KeycloakTestSupport.Response rotated =
        keycloak.adminPost(realm + "/clients/" + id + "/client-secret", Map.of());
    String second = rotated.json().get("value").asText();
    assertThat(second).isNotEqualTo(first);
    long expires =
        keycloak
            .adminGet(realm + "/clients/" + id)
            .json()
            .get("attributes")
            .path("client.secret.expiration.time")
            .asLong();
    long now = System.currentTimeMillis() / 1000;
    assertThat(expires).isBetween(now + 29L * 86_400, now + 31L * 86_400);
    assertThat(clientCredentials(second).status()).isEqualTo(200);
    assertThat(clientCredentials(first).status())
        .as("old secret within the grace period")
        .isEqualTo(200);
    assertThat(clientCredentials("not-the-secret").status()).isEqualTo(401);

    KeycloakTestSupport.Response interactive =
        keycloak.passwordGrant(
            KeycloakTestSupport.REALM,
            "his-demo",
            "service-account-his-integration",
            second,
            "000000");
    assertThat(interactive.status()).isEqualTo(400);
  }

  private KeycloakTestSupport.Response clientCredentials(String secret) {
    return keycloak.clientCredentials(KeycloakTestSupport.REALM, "his-integration", secret);
  }
}
