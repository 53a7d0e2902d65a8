package vn.yte.iam.keycloak.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.yte.iam.keycloak.support.KeycloakTestSupport;
import vn.yte.iam.keycloak.support.RealKeycloakIT;
import vn.yte.iam.keycloak.support.TestDirectory;

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
    assertThat(statuses).hasSize(17).containsEntry("SEC-1", "PARTIAL");
    statuses.remove("SEC-1");
    assertThat(statuses).allSatisfy((id, status) -> assertThat(status).as(id).isEqualTo("MET"));
    assertThat(report.get("summary").get("MET").asInt()).isEqualTo(16);
    assertThat(english(report, "MFA-1"))
        .contains(
            "OTP on every browser flow yte-browser",
            "OTP on every direct grant flow yte-direct-grant");
    assertThat(english(report, "MFA-2"))
        .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
        .contains("mfa=2", "mfa-fresh=3");
    assertThat(english(report, "SEC-3"))
        .contains(
            "Server administrators (realm master) sign in with MFA",
            "Server administrators' passwords (realm master) follow PW-1..4");
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

      // Imports bypass the user profile: two accounts brought in with one person's citizen ID.
      List<Map<String, Object>> imported = new java.util.ArrayList<>();
      for (String username : List.of("nk.motnguoi", "nk.haitaikhoan")) {
        imported.add(
            Map.of(
                "username",
                username,
                "enabled",
                true,
                "attributes",
                Map.of("cccd", List.of("079192034999"))));
      }
      assertThat(
              keycloak
                  .adminPost(
                      "/realms/" + realm + "/partialImport",
                      Map.of("ifResourceExists", "SKIP", "users", imported))
                  .status())
          .isEqualTo(200);

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
          .contains(
              "1 accounts have no citizen ID (they cannot sign in until it is added)",
              "1 citizen IDs shared by enabled accounts (listed by"
                  + " yte-accounts/duplicate-citizen-ids)");
    } finally {
      keycloak.adminDelete("/realms/" + realm);
    }
  }

  /**
   * SEC-5: Keycloak binds to a federated directory with its stored credential at every reading; a
   * wrong credential and a directory that stopped answering are named with the reason.
   */
  @Test
  void aFederatedDirectoryIsTriedAtEveryReading() throws Exception {
    String realm = "yte-assess-ldap-" + System.nanoTime();
    assertThat(keycloak.adminPost("/realms", Map.of("realm", realm, "enabled", true)).status())
        .isEqualTo(201);
    TestDirectory directory = TestDirectory.create(true).listen();
    try {
      assertThat(english(assess(realm), "SEC-5"))
          .anySatisfy(n -> assertThat(n).startsWith("No LDAP/AD directory federated"));
      String realmId = keycloak.adminGet("/realms/" + realm).json().get("id").asText();
      KeycloakTestSupport.Response created =
          keycloak.adminPost(
              "/realms/" + realm + "/components",
              directory.keycloakComponent(realmId, "ad-benhvien", "READ_ONLY"));
      assertThat(created.status()).as(created.body()).isEqualTo(201);
      String name = "Directory ad-benhvien (" + directory.url() + ")";
      assertThat(english(assess(realm), "SEC-5"))
          .contains(name + " answered when checked (connected and bound)");

      JsonNode component =
          keycloak.adminGet("/realms/" + realm + "/components?name=ad-benhvien").json().get(0);
      ((ObjectNode) component.get("config")).putArray("bindCredential").add("Sai-Mat-Khau-1!");
      KeycloakTestSupport.Response changed =
          keycloak.adminPut(
              "/realms/" + realm + "/components/" + component.get("id").asText(), component);
      assertThat(changed.status()).as(changed.body()).isEqualTo(204);
      JsonNode wrongSecret = assess(realm);
      assertThat(statuses(wrongSecret)).containsEntry("SEC-5", "NOT_MET");
      assertThat(english(wrongSecret, "SEC-5"))
          .anySatisfy(n -> assertThat(n).startsWith(name + " failed: its staff cannot sign in ("));

      directory.close();
      assertThat(english(assess(realm), "SEC-5"))
          .anySatisfy(
              n ->
                  assertThat(n)
                      .startsWith(name + " failed: its staff cannot sign in (")
                      .containsIgnoringCase("refused"));
    } finally {
      directory.close();
      keycloak.adminDelete("/realms/" + realm);
    }
  }

  /**
   * SEC-5: Keycloak calls a brokered identity provider's token endpoint and keys at every reading;
   * keys that are not there and an endpoint that stopped answering are named with the reason, and
   * the demo realm, which meets SEC-5 otherwise, then does not. The server's admin realm stands in
   * for a health department's identity system.
   */
  @Test
  void anIdentityProviderIsTriedAtEveryReading() throws Exception {
    String realm = KeycloakTestSupport.REALM;
    String instances = "/realms/" + realm + "/identity-provider/instances";
    try {
      String oidc = keycloak.server().baseUrl() + "/realms/master/protocol/openid-connect";
      Map<String, String> config = new HashMap<>();
      config.put("authorizationUrl", oidc + "/auth");
      config.put("tokenUrl", oidc + "/token");
      config.put("jwksUrl", oidc + "/certs");
      config.put("validateSignature", "true");
      config.put("useJwksUrl", "true");
      config.put("clientId", "so-y-te-broker");
      config.put("clientSecret", "not-used-by-the-probe");
      config.put("clientAuthMethod", "client_secret_post");
      Map<String, Object> provider = new HashMap<>();
      provider.put("alias", "so-y-te");
      provider.put("providerId", "keycloak-oidc");
      provider.put("enabled", true);
      provider.put("config", config);
      KeycloakTestSupport.Response created = keycloak.adminPost(instances, provider);
      assertThat(created.status()).as(created.body()).isEqualTo(201);
      JsonNode answered = assess(realm);
      assertThat(statuses(answered)).containsEntry("SEC-5", "MET");
      assertThat(english(answered, "SEC-5"))
          .contains(
              "Logins brokered from the existing identity system so-y-te ("
                  + oidc
                  + "/token), which answered when checked");

      // Keys asked of a realm that does not exist: Keycloak could not check the tokens.
      String missingKeys =
          keycloak.server().baseUrl() + "/realms/khong-co/protocol/openid-connect/certs";
      config.put("jwksUrl", missingKeys);
      assertThat(keycloak.adminPut(instances + "/so-y-te", provider).status()).isEqualTo(204);
      JsonNode noKeys = assess(realm);
      assertThat(statuses(noKeys)).containsEntry("SEC-5", "NOT_MET");
      assertThat(english(noKeys, "SEC-5"))
          .contains(
              "Identity provider so-y-te ("
                  + missingKeys
                  + ") failed: staff who sign in through it cannot sign in (HTTP 404)");

      // A token endpoint nobody listens on.
      int closed;
      try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
        closed = socket.getLocalPort();
      }
      String gone = "http://127.0.0.1:" + closed + "/token";
      config.put("tokenUrl", gone);
      assertThat(keycloak.adminPut(instances + "/so-y-te", provider).status()).isEqualTo(204);
      assertThat(english(assess(realm), "SEC-5"))
          .anySatisfy(
              n ->
                  assertThat(n)
                      .startsWith(
                          "Identity provider so-y-te ("
                              + gone
                              + ") failed: staff who sign in through it cannot sign in (")
                      .containsIgnoringCase("refused"));
    } finally {
      keycloak.adminDelete(instances + "/so-y-te");
    }
  }

  private static Map<String, JsonNode> units(String token) {
    KeycloakTestSupport.Response r = keycloak.get("/realms/master/yte-policy/units", token);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    Map<String, JsonNode> units = new HashMap<>();
    r.json().get("units").forEach(u -> units.put(u.get("realm").asText(), u));
    return units;
  }

  /**
   * SEC-6 for a health department running its hospitals as realms: the admin realm lists every
   * realm side by side, and a caller sees only the realms Keycloak lets them view.
   */
  @Test
  void theAdminRealmListsEveryUnitItsCallerMayView() {
    String realm = "yte-assess-unit-" + System.nanoTime();
    assertThat(keycloak.adminPost("/realms", Map.of("realm", realm, "enabled", true)).status())
        .isEqualTo(201);
    String clientId = "so-yte-giam-sat";
    String secret = "Bi-Mat-" + java.util.UUID.randomUUID();
    try {
      Map<String, JsonNode> all = units(keycloak.adminToken());
      assertThat(all).containsKeys(KeycloakTestSupport.REALM, realm, "master");
      JsonNode demo = all.get(KeycloakTestSupport.REALM);
      assertThat(demo.get("statuses").get("SEC-1").asText()).isEqualTo("PARTIAL");
      assertThat(demo.get("statuses").get("MFA-1").asText()).isEqualTo("MET");
      assertThat(demo.get("summary").get("MET").asInt()).isEqualTo(16);
      assertThat(all.get(realm).get("statuses").get("MFA-1").asText()).isEqualTo("NOT_MET");
      // The shipped master realm: expiry and end dates on every path of its administrators.
      JsonNode master = all.get("master").get("statuses");
      assertThat(master.get("PW-4").asText()).isEqualTo("MET");
      assertThat(master.get("ACC-4").asText()).isEqualTo("MET");
      assertThat(master.get("SEC-3").asText()).isEqualTo("MET");
      assertThat(all.get(realm).get("statuses")).hasSize(17);

      // The department's monitoring account may view the demo hospital only.
      KeycloakTestSupport.Response created =
          keycloak.adminPost(
              "/realms/master/clients",
              Map.of(
                  "clientId", clientId,
                  "secret", secret,
                  "publicClient", false,
                  "serviceAccountsEnabled", true,
                  "standardFlowEnabled", false));
      assertThat(created.status()).as(created.body()).isEqualTo(201);
      String id = keycloak.clientUuid("master", clientId);
      String account =
          keycloak
              .adminGet("/realms/master/clients/" + id + "/service-account-user")
              .json()
              .get("id")
              .asText();
      String demoClient = keycloak.clientUuid("master", KeycloakTestSupport.REALM + "-realm");
      JsonNode viewRealm =
          keycloak.adminGet("/realms/master/clients/" + demoClient + "/roles/view-realm").json();
      assertThat(
              keycloak
                  .adminPost(
                      "/realms/master/users/" + account + "/role-mappings/clients/" + demoClient,
                      List.of(viewRealm))
                  .status())
          .isEqualTo(204);
      KeycloakTestSupport.Response token = keycloak.clientCredentials("master", clientId, secret);
      assertThat(token.status()).as(token.body()).isEqualTo(200);
      assertThat(units(token.json().get("access_token").asText()))
          .containsOnlyKeys(KeycloakTestSupport.REALM);

      assertThat(
              keycloak
                  .get(
                      "/realms/" + KeycloakTestSupport.REALM + "/yte-policy/units",
                      keycloak.adminToken())
                  .status())
          .isEqualTo(404);
      assertThat(keycloak.get("/realms/master/yte-policy/units", null).status()).isEqualTo(401);
    } finally {
      keycloak.adminDelete("/realms/" + realm);
      JsonNode client = keycloak.adminGet("/realms/master/clients?clientId=" + clientId).json();
      if (client.size() > 0) {
        keycloak.adminDelete("/realms/master/clients/" + client.get(0).get("id").asText());
      }
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
