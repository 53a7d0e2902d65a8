package vn.yte.iam.keycloak.mfa;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import vn.yte.iam.keycloak.support.KeycloakTestSupport;
import vn.yte.iam.keycloak.support.RealKeycloakIT;

/** MFA-1 and the replay part of MFA-3 on the demo realm's shipped flows. */
class TotpLoginIT extends RealKeycloakIT {
  @Test
  void aPasswordAloneGetsNoToken() {
    KeycloakTestSupport.Response r =
        keycloak.passwordGrant(
            KeycloakTestSupport.REALM,
            "his-demo",
            KeycloakTestSupport.CLINICIAN,
            KeycloakTestSupport.CLINICIAN_PASSWORD,
            null);
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.body()).contains("invalid_grant").doesNotContain("access_token");
  }

  @Test
  void aCodeWorksOnceAndIsRefusedWhenReplayed() {
    String code = keycloak.device("kt.lethichi").nextCode();
    KeycloakTestSupport.Response first =
        keycloak.passwordGrant(
            KeycloakTestSupport.REALM, "his-demo", "kt.lethichi", "Demo-Auditor-2026!x", code);
    assertThat(first.status()).as(first.body()).isEqualTo(200);
    // MFA-2 for direct-grant callers: the token says so, as the gateway demands.
    var claims = KeycloakTestSupport.claims(first.json().get("access_token").asText());
    assertThat(claims.path("acr").asText()).as(claims.toString()).isEqualTo("mfa");
    assertThat(claims.path("auth_time").asLong()).isPositive();
    KeycloakTestSupport.Response replay =
        keycloak.passwordGrant(
            KeycloakTestSupport.REALM, "his-demo", "kt.lethichi", "Demo-Auditor-2026!x", code);
    assertThat(replay.status()).isEqualTo(400);
    assertThat(replay.body()).contains("invalid_grant");
  }
}
