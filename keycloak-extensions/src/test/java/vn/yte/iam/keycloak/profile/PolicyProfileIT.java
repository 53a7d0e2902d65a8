package vn.yte.iam.keycloak.profile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.yte.iam.keycloak.support.KeycloakTestSupport;
import vn.yte.iam.keycloak.support.RealKeycloakIT;

/** Profiles from policies/profiles applied to, and compared with, live realms. */
class PolicyProfileIT extends RealKeycloakIT {

  private JsonNode drift(String realm, String query) {
    KeycloakTestSupport.Response r =
        keycloak.get("/realms/" + realm + "/yte-policy/drift" + query, keycloak.adminToken());
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json();
  }

  @Test
  void theDemoRealmFollowsItsProfile() {
    JsonNode report = drift(KeycloakTestSupport.REALM, "");
    assertThat(report.get("profile").asText()).isEqualTo("moh-2021");
    assertThat(report.get("differences")).isEmpty();
    assertThat(report.get("compliant").asBoolean()).isTrue();
  }

  @Test
  void driftNamesEachDifference() {
    JsonNode report = drift(KeycloakTestSupport.PW_REALM, "?profile=moh-2021");
    assertThat(report.get("compliant").asBoolean()).isFalse();
    assertThat(report.get("differences").findValuesAsText("setting"))
        .contains("passwordPolicy.yte-password-issued-only", "realm.bruteForceProtected");
  }

  @Test
  void applyingAProfileMakesANewRealmCompliantAndLaterChangesShowAsDrift() {
    String realm = "yte-apply-" + System.nanoTime();
    assertThat(keycloak.adminPost("/realms", Map.of("realm", realm, "enabled", true)).status())
        .isEqualTo(201);
    try {
      assertThat(drift(realm, "?profile=strict").get("compliant").asBoolean()).isFalse();

      KeycloakTestSupport.Response applied =
          keycloak.postJson(
              "/realms/" + realm + "/yte-policy/apply",
              Map.of("profile", "strict"),
              keycloak.adminToken());
      assertThat(applied.status()).as(applied.body()).isEqualTo(200);
      assertThat(applied.json().get("compliant").asBoolean()).isTrue();
      JsonNode live = keycloak.adminGet("/realms/" + realm).json();
      assertThat(live.get("passwordPolicy").asText())
          .contains("yte-password-composition(12)", "forceExpiredPasswordChange(90)");
      assertThat(live.get("attributes").get("yte.policyProfile").asText()).isEqualTo("strict");

      keycloak.adminPut("/realms/" + realm, Map.of("failureFactor", 30));
      JsonNode after = drift(realm, "");
      assertThat(after.get("compliant").asBoolean()).isFalse();
      assertThat(after.get("differences").findValuesAsText("setting"))
          .containsExactly("realm.failureFactor");
      assertThat(after.get("differences").get(0).get("expected").asText()).isEqualTo("3");
      assertThat(after.get("differences").get(0).get("actual").asText()).isEqualTo("30");
    } finally {
      keycloak.adminDelete("/realms/" + realm);
    }
  }

  @Test
  void unknownProfilesAndCallersAreRefused() {
    assertThat(
            keycloak
                .get(
                    "/realms/" + KeycloakTestSupport.REALM + "/yte-policy/drift?profile=nope",
                    keycloak.adminToken())
                .status())
        .isEqualTo(404);
    assertThat(
            keycloak
                .get("/realms/" + KeycloakTestSupport.REALM + "/yte-policy/drift", null)
                .status())
        .isEqualTo(401);
    String clinician =
        keycloak.demoToken(KeycloakTestSupport.CLINICIAN, KeycloakTestSupport.CLINICIAN_PASSWORD);
    assertThat(
            keycloak
                .postJson(
                    "/realms/" + KeycloakTestSupport.REALM + "/yte-policy/apply",
                    Map.of("profile", "strict"),
                    clinician)
                .status())
        .isEqualTo(403);
  }
}
