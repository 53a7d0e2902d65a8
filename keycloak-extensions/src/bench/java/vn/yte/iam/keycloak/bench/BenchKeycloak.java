package vn.yte.iam.keycloak.bench;

import java.nio.file.Path;
import vn.yte.iam.testsupport.KeycloakServer;

/**
 * Keycloak with our jar and the shipped master and demo realms, as the benchmarks that call its
 * REST API boot it: the demo accounts get bench-only passwords and TOTP keys, and mfa-service's
 * client the secret {@link #SERVICE_SECRET}.
 */
final class BenchKeycloak {
  static final String SERVICE_SECRET = "bench-secret-not-for-production";

  private BenchKeycloak() {}

  static KeycloakServer start(Path logs) {
    return KeycloakServer.builder(KeycloakServer.distributionFromBuild())
        .provider(Path.of(System.getProperty("provider.jar")))
        .importRealm(KeycloakServer.policiesDir().resolve("realm/master-realm.json"))
        .importRealm(KeycloakServer.policiesDir().resolve("realm/yte-demo-realm.json"))
        .env("YTE_DEMO_CLINICIAN_PASSWORD", "Bench-Clinician-2026!x")
        .env("YTE_DEMO_ADMIN_PASSWORD", "Bench-Admin-2026!x")
        .env("YTE_DEMO_AUDITOR_PASSWORD", "Bench-Auditor-2026!x")
        .env("YTE_MFA_SERVICE_CLIENT_SECRET", SERVICE_SECRET)
        .env("YTE_DEMO_CLINICIAN_TOTP", "Bench-Clinician-Totp-1")
        .env("YTE_DEMO_ADMIN_TOTP", "Bench-Admin-Totp-Key-2")
        .env("YTE_DEMO_AUDITOR_TOTP", "Bench-Auditor-Totp-03")
        .logDir(logs)
        .start();
  }
}
