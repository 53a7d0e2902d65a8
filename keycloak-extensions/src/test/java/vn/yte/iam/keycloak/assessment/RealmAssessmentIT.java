package vn.yte.iam.keycloak.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.yte.iam.keycloak.support.KeycloakTestSupport;
import vn.yte.iam.keycloak.support.RealKeycloakIT;

/** SEC-6: the self-assessment read off live realms of a real Keycloak. */
class RealmAssessmentIT extends RealKeycloakIT {

  private JsonNode assess(String realm) {
    KeycloakTestSupport.Response r =
        keycloak.get("/realms/" + realm + "/yte-policy/assessment", keycloak.adminToken());
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json();
  }

  private static Map<String, String> statuses(JsonNode report) {
    Map<String, String> out = new HashMap<>();
    report
        .get("findings")
        .forEach(f -> out.put(f.get("requirement").asText(), f.get("status").asText()));
    return out;
  }

  private static List<String> english(JsonNode report, String requirement) {
    for (JsonNode f : report.get("findings")) {
      if (f.get("requirement").asText().equals(requirement)) {
        return f.get("notes").findValuesAsText("en");
      }
    }
    throw new AssertionError("No finding for " + requirement + " in " + report);
  }

  @Test
  void theDemoRealmMeetsTheRequirementsKeycloakHolds() {
    JsonNode report = assess(KeycloakTestSupport.REALM);
    assertThat(report.get("realm").asText()).isEqualTo(KeycloakTestSupport.REALM);
    Map<String, String> statuses = statuses(report);
    assertThat(statuses).hasSize(16).containsEntry("SEC-1", "PARTIAL");
    statuses.remove("SEC-1");
    assertThat(statuses).allSatisfy((id, status) -> assertThat(status).as(id).isEqualTo("MET"));
    assertThat(report.get("summary").get("MET").asInt()).isEqualTo(15);
    assertThat(english(report, "MFA-1"))
        .contains(
            "OTP on every browser flow yte-browser",
            "OTP on every direct grant flow yte-direct-grant");
    assertThat(english(report, "MFA-2"))
        .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
        .contains("mfa=2", "mfa-fresh=3");
    assertThat(english(report, "SEC-3"))
        .contains("Server administrators (realm master) sign in with MFA");
  }

  @Test
  void aNewRealmIsReportedAsKeycloakLeavesItAndFollowsItsChanges() {
    String realm = "yte-assess-" + System.nanoTime();
    assertThat(keycloak.adminPost("/realms", Map.of("realm", realm, "enabled", true)).status())
        .isEqualTo(201);
    try {
      Map<String, String> stock = statuses(assess(realm));
      assertThat(stock)
          .containsEntry("PW-1", "NOT_MET")
          .containsEntry("PW-3", "NOT_MET")
          .containsEntry("MFA-1", "NOT_MET")
          .containsEntry("MFA-2", "NOT_MET")
          .containsEntry("ACC-1", "NOT_MET")
          .containsEntry("LOG-1", "NOT_MET")
          .containsEntry("LOG-4", "NOT_MET");
      // The test server runs the shipped master realm: its administrators need a code.
      assertThat(stock).containsEntry("SEC-3", "NOT_MET");
      assertThat(english(assess(realm), "SEC-3"))
          .contains(
              "The unit's administrators can sign in without MFA",
              "Server administrators (realm master) sign in with MFA");

      assertThat(
              keycloak
                  .postJson(
                      "/realms/" + realm + "/yte-policy/apply",
                      Map.of("profile", "strict"),
                      keycloak.adminToken())
                  .status())
          .isEqualTo(200);
      keycloak.adminPut(
          "/realms/" + realm,
          Map.of(
              "eventsEnabled",
              true,
              "adminEventsEnabled",
              true,
              "adminEventsDetailsEnabled",
              true));
      assertThat(
              keycloak
                  .adminPost(
                      "/realms/" + realm + "/users", Map.of("username", "khoanoi", "enabled", true))
                  .status())
          .isEqualTo(201);

      JsonNode after = assess(realm);
      assertThat(statuses(after))
          .containsEntry("PW-1", "MET")
          .containsEntry("PW-2", "MET")
          .containsEntry("PW-3", "MET")
          .containsEntry("LOG-1", "MET")
          .containsEntry("LOG-4", "MET")
          .containsEntry("MFA-1", "NOT_MET")
          .containsEntry("ACC-2", "NOT_MET");
      assertThat(english(after, "ACC-2")).contains("1 enabled generic accounts: khoanoi");
      assertThat(english(after, "ACC-1"))
          .contains("1 accounts have no citizen ID (they cannot sign in until it is added)");
    } finally {
      keycloak.adminDelete("/realms/" + realm);
    }
  }

  @Test
  void onlyAdministratorsWhoMayViewTheRealmGetIt() {
    String path = "/realms/" + KeycloakTestSupport.REALM + "/yte-policy/assessment";
    assertThat(keycloak.get(path, null).status()).isEqualTo(401);
    String clinician =
        keycloak.demoToken(KeycloakTestSupport.CLINICIAN, KeycloakTestSupport.CLINICIAN_PASSWORD);
    assertThat(keycloak.get(path, clinician).status()).isEqualTo(403);
  }
}
