package vn.yte.iam.keycloak.support;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Base of the integration tests: one real Keycloak per test class, with our jar, the demo realm and
 * the test realm, booted before the subclass's own {@code @BeforeAll}.
 */
public abstract class RealKeycloakIT {
  protected static KeycloakTestSupport keycloak;

  @BeforeAll
  static void bootKeycloak() {
    keycloak = KeycloakTestSupport.start();
  }

  @AfterAll
  static void stopKeycloak() {
    if (keycloak != null) {
      keycloak.close();
      keycloak = null;
    }
  }
}
