package vn.yte.iam.keycloak.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.yte.iam.keycloak.support.KeycloakTestSupport;
import vn.yte.iam.keycloak.support.RealKeycloakIT;
import vn.yte.iam.testsupport.KeycloakServer;

/**
 * LOG-4: the audit service learns who an event's account id is, also for a server administrator who
 * signs in to {@code master}, and nobody learns more than the realm's own events show.
 */
class EventActorsIT extends RealKeycloakIT {
  private static final String ACTORS =
      "/realms/" + KeycloakTestSupport.REALM + "/yte-accounts/actors/";
  private static String auditService;

  @BeforeAll
  static void signInAsTheAuditService() {
    // mfa-service's service account holds view-events in the demo realm, and nothing else.
    auditService =
        keycloak
            .clientCredentials(
                KeycloakTestSupport.REALM, "mfa-service", "test-secret-not-for-production")
            .json()
            .get("access_token")
            .asText();
  }

  @Test
  void aServerAdministratorIsNamedWithTheirRealm() {
    String id = keycloak.userId("master", KeycloakServer.ADMIN_USERNAME);
    KeycloakTestSupport.Response r = keycloak.get(ACTORS + id, auditService);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    assertThat(r.json().get("username").asText()).isEqualTo(KeycloakServer.ADMIN_USERNAME);
    assertThat(r.json().get("realm").asText()).isEqualTo("master");
  }

  @Test
  void anAccountOfTheRealmIsNamed() {
    String id = keycloak.userId(KeycloakTestSupport.CLINICIAN);
    KeycloakTestSupport.Response r = keycloak.get(ACTORS + id, auditService);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    assertThat(r.json().get("username").asText()).isEqualTo(KeycloakTestSupport.CLINICIAN);
    assertThat(r.json().get("realm").asText()).isEqualTo(KeycloakTestSupport.REALM);
  }

  @Test
  void aMasterAccountThatDoesNotAdministerTheRealmStaysUnknown() {
    KeycloakTestSupport.Response created =
        keycloak.adminPost(
            "/realms/master/users", Map.of("username", "ordinary-master-user", "enabled", true));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    String id = keycloak.userId("master", "ordinary-master-user");
    assertThat(keycloak.get(ACTORS + id, auditService).status()).isEqualTo(404);
    assertThat(keycloak.get(ACTORS + "no-such-account", auditService).status()).isEqualTo(404);
  }

  @Test
  void onlyCallersWhoSeeTheEventsMayAsk() {
    String id = keycloak.userId("master", KeycloakServer.ADMIN_USERNAME);
    assertThat(keycloak.get(ACTORS + id, null).status()).isEqualTo(401);
    String clinician =
        keycloak.demoToken(KeycloakTestSupport.CLINICIAN, KeycloakTestSupport.CLINICIAN_PASSWORD);
    assertThat(keycloak.get(ACTORS + id, clinician).status()).isEqualTo(403);
  }
}
