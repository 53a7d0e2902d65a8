package vn.yte.iam.keycloak.issuance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.yte.iam.keycloak.support.KeycloakTestSupport;
import vn.yte.iam.keycloak.support.RealKeycloakIT;

/** PW-3 against the real server, in the demo realm whose profile includes issued-only. */
class PasswordIssuanceIT extends RealKeycloakIT {
  private static final String REALM = KeycloakTestSupport.REALM;

  private String issuePath(String username) {
    return "/realms/" + REALM + "/yte-password-issuance/users/" + keycloak.userId(username);
  }

  @Test
  void anAdministratorCannotTypeAPasswordForSomeoneElse() {
    KeycloakTestSupport.Response r =
        keycloak.resetPassword(KeycloakTestSupport.CLINICIAN, "Tr4m-Y-Te-Xa!9-chosen");
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.body()).contains("yteInvalidPasswordChosenByAdmin");
  }

  @Test
  void norCreateAUserWithAChosenPassword() {
    KeycloakTestSupport.Response r =
        keycloak.adminPost(
            "/realms/" + REALM + "/users",
            Map.of(
                "username",
                "dd.hoangvanem",
                "enabled",
                true,
                "firstName",
                "Em",
                "lastName",
                "Hoàng Văn",
                "attributes",
                Map.of("cccd", java.util.List.of("001090654321")),
                "credentials",
                java.util.List.of(
                    Map.of("type", "password", "value", "Tr4m-Y-Te-Xa!9", "temporary", true))));
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.body()).contains("yteInvalidPasswordChosenByAdmin");
  }

  @Test
  void issuedPasswordIsRandomTemporaryAndAudited() {
    String admin = keycloak.adminToken();
    KeycloakTestSupport.Response first =
        keycloak.postJson(
            issuePath("kt.lethichi"),
            Map.of("reason", "Quên mật khẩu, phiếu yêu cầu IT-2026-118"),
            admin);
    assertThat(first.status()).as(first.body()).isEqualTo(200);
    String password = first.json().get("password").asText();
    assertThat(password).hasSize(16).matches(".*[A-Z].*").matches(".*[a-z].*").matches(".*[0-9].*");
    assertThat(first.json().get("temporary").asBoolean()).isTrue();

    KeycloakTestSupport.Response second =
        keycloak.postJson(issuePath("kt.lethichi"), Map.of("reason", "Cấp lại"), admin);
    assertThat(second.json().get("password").asText()).isNotEqualTo(password);

    // Temporary: it can only be used to set a new password in the browser, never for a token.
    KeycloakTestSupport.Response grant =
        keycloak.demoGrant("kt.lethichi", second.json().get("password").asText());
    assertThat(grant.status()).isEqualTo(400);
    assertThat(grant.body()).contains("not fully set up");
    JsonNode user =
        keycloak.adminGet("/realms/" + REALM + "/users/" + keycloak.userId("kt.lethichi")).json();
    assertThat(user.get("requiredActions").toString()).contains("UPDATE_PASSWORD");

    JsonNode adminEvents =
        keycloak
            .adminGet("/realms/" + REALM + "/admin-events?resourceTypes=USER&operationTypes=ACTION")
            .json();
    assertThat(adminEvents.toString())
        .contains("issued-password")
        .contains("IT-2026-118")
        .doesNotContain(password);
    JsonNode events =
        keycloak.adminGet("/realms/" + REALM + "/events?type=UPDATE_CREDENTIAL").json();
    assertThat(events.toString())
        .contains("yte_issued_by")
        .contains("IT-2026-118")
        .doesNotContain(password);
  }

  @Test
  void aReasonIsRequired() {
    KeycloakTestSupport.Response r =
        keycloak.postJson(issuePath("kt.lethichi"), Map.of("reason", "  "), keycloak.adminToken());
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.body()).contains("Cần nêu lý do cấp mật khẩu").contains("A reason of 1-500");
  }

  @Test
  void onlyAdministratorsMayIssue() {
    String clinician =
        keycloak.demoToken(KeycloakTestSupport.CLINICIAN, KeycloakTestSupport.CLINICIAN_PASSWORD);
    assertThat(
            keycloak.postJson(issuePath("kt.lethichi"), Map.of("reason", "x"), clinician).status())
        .isEqualTo(403);
    assertThat(keycloak.postJson(issuePath("kt.lethichi"), Map.of("reason", "x"), null).status())
        .isEqualTo(401);
    assertThat(
            keycloak
                .postJson(issuePath("kt.lethichi"), Map.of("reason", "x"), "not-a-token")
                .status())
        .isEqualTo(401);
  }

  @Test
  void theRealmAdministratorOfTheRealmItselfMayIssue() {
    String realmAdmin = keycloak.demoToken("qt.tranthibinh", "Demo-Admin-2026!x");
    KeycloakTestSupport.Response r =
        keycloak.postJson(issuePath("kt.lethichi"), Map.of("reason", "Nhân viên mới"), realmAdmin);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
  }
}
