package vn.yte.iam.keycloak.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import vn.yte.iam.testsupport.KeycloakServer;

/**
 * SEC-6: time of the realm self-assessment ({@code GET /realms/{realm}/yte-policy/assessment}) on
 * the demo realm grown to many accounts, most without an authenticator, as after a directory
 * import. It reads every enabled account (name, citizen ID, end date, OTP credential), so it grows
 * with the realm. The first call after a boot runs with cold caches and JIT; later ones are warm.
 *
 * <p>Arguments: accounts to add (default 10000), warm calls (default 5).
 */
public final class AssessmentBenchmark {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String REALM = "yte-demo";
  private static final int BATCH = 1000;

  public static void main(String[] args) throws Exception {
    int accounts = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    int calls = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    Path work = Path.of(System.getProperty("build.dir", "target"), "bench");
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    try (KeycloakServer keycloak =
        KeycloakServer.builder(KeycloakServer.distributionFromBuild())
            .provider(Path.of(System.getProperty("provider.jar")))
            .importRealm(KeycloakServer.policiesDir().resolve("realm/master-realm.json"))
            .importRealm(KeycloakServer.policiesDir().resolve("realm/yte-demo-realm.json"))
            .env("YTE_DEMO_CLINICIAN_PASSWORD", "Bench-Clinician-2026!x")
            .env("YTE_DEMO_ADMIN_PASSWORD", "Bench-Admin-2026!x")
            .env("YTE_DEMO_AUDITOR_PASSWORD", "Bench-Auditor-2026!x")
            .env("YTE_MFA_SERVICE_CLIENT_SECRET", "bench-secret-not-for-production")
            .env("YTE_DEMO_CLINICIAN_TOTP", "Bench-Clinician-Totp-1")
            .env("YTE_DEMO_ADMIN_TOTP", "Bench-Admin-Totp-Key-2")
            .env("YTE_DEMO_AUDITOR_TOTP", "Bench-Auditor-Totp-03")
            .logDir(work)
            .start()) {
      long started = System.nanoTime();
      for (int first = 0; first < accounts; first += BATCH) {
        List<Map<String, Object>> users = new ArrayList<>();
        for (int i = first; i < Math.min(accounts, first + BATCH); i++) {
          users.add(
              Map.of(
                  "username",
                  String.format("nv.bench%06d", i),
                  "enabled",
                  true,
                  "firstName",
                  "Bench",
                  "lastName",
                  "Nguyen",
                  "attributes",
                  Map.of("cccd", List.of(String.format("079%09d", i)))));
        }
        HttpResponse<String> imported =
            http.send(
                HttpRequest.newBuilder(
                        URI.create(
                            keycloak.baseUrl() + "/admin/realms/" + REALM + "/partialImport"))
                    .header("Authorization", "Bearer " + keycloak.adminToken())
                    .header("Content-Type", "application/json")
                    .POST(
                        HttpRequest.BodyPublishers.ofString(
                            JSON.writeValueAsString(
                                Map.of("ifResourceExists", "SKIP", "users", users))))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        if (imported.statusCode() != 200) {
          throw new IllegalStateException("Import failed: " + imported.body());
        }
      }
      System.out.printf(
          "imported %d accounts in %.1f s%n", accounts, (System.nanoTime() - started) / 1e9);
      for (int call = 0; call <= calls; call++) {
        long t0 = System.nanoTime();
        HttpResponse<String> report =
            http.send(
                HttpRequest.newBuilder(
                        URI.create(keycloak.issuer(REALM) + "/yte-policy/assessment"))
                    .header("Authorization", "Bearer " + keycloak.adminToken())
                    .timeout(Duration.ofMinutes(10))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        double seconds = (System.nanoTime() - t0) / 1e9;
        if (report.statusCode() != 200) {
          throw new IllegalStateException("Assessment failed: " + report.statusCode());
        }
        JsonNode summary = JSON.readTree(report.body()).get("summary");
        System.out.printf(
            "%s call: %.2f s, summary %s%n", call == 0 ? "first" : "warm", seconds, summary);
      }
    }
  }
}
