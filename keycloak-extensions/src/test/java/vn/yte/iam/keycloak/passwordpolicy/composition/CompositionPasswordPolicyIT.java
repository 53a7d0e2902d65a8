package vn.yte.iam.keycloak.passwordpolicy.composition;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.yte.iam.keycloak.support.KeycloakTestSupport;
import vn.yte.iam.keycloak.support.RealKeycloakIT;

/** PW-1 against the real Keycloak 26.7.3 distribution with our jar in providers/. */
class CompositionPasswordPolicyIT extends RealKeycloakIT {

  @Test
  void providerIsListedForAdministrators() {
    JsonNode policies = keycloak.adminGet("/serverinfo").json().get("passwordPolicies");
    assertThat(policies.findValuesAsText("id"))
        .contains(CompositionPasswordPolicyProviderFactory.PROVIDER_ID);
  }

  @Test
  void demoRealmFromPoliciesUsesIt() {
    String policy =
        keycloak
            .adminGet("/realms/" + KeycloakTestSupport.REALM)
            .json()
            .get("passwordPolicy")
            .asText();
    assertThat(policy).contains(CompositionPasswordPolicyProviderFactory.PROVIDER_ID + "(8)");
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "Aa1!aaa, yteInvalidPasswordMinLength",
    "aa1!aaaa, yteInvalidPasswordNoUpperCase",
    "AA1!AAAA, yteInvalidPasswordNoLowerCase",
    "Aab!aaaa, yteInvalidPasswordNoDigit",
    "Aa1aaaaa, yteInvalidPasswordNoSpecial"
  })
  void serverRejectsEachMissingRuleByName(String password, String messageKey) {
    KeycloakTestSupport.Response response =
        keycloak.resetPassword(KeycloakTestSupport.PW_REALM, "dd.vuminhkhang", password);
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.body()).contains(messageKey);
  }

  @Test
  void serverAcceptsACompliantPasswordAndTheUserCanLogIn() {
    String password = "Tr4m-Y-Te-" + System.nanoTime() + "!";
    assertThat(
            keycloak
                .resetPassword(KeycloakTestSupport.PW_REALM, "dd.vuminhkhang", password)
                .status())
        .isEqualTo(204);
    KeycloakTestSupport.Response token =
        keycloak.passwordGrant(
            KeycloakTestSupport.PW_REALM, "admin-cli", "dd.vuminhkhang", password);
    assertThat(token.status()).as(token.body()).isEqualTo(200);
    assertThat(token.json().get("access_token").asText()).isNotBlank();
  }
}
