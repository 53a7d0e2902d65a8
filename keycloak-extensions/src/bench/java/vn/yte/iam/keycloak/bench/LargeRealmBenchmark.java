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
 * What walks every account of a realm, timed on the demo realm grown to many accounts (with email,
 * without password or authenticator, as after a directory import): the SEC-6 self-assessment
 * ({@code GET /realms/{realm}/yte-policy/assessment}: name, citizen ID, end date, OTP credential of
 * each), the PW-4 expiry-notice sweep ({@code POST .../yte-policy/expiry-notices}: the password
 * credential of each account with an email) and the units view of every realm side by side ({@code
 * GET /realms/master/yte-policy/units}: this realm and master). The first call after a boot runs
 * with cold caches and JIT; later ones are warm. A call Keycloak ends with its 300 s transaction
 * timeout is printed with its status.
 *
 * <p>Arguments: accounts to add (default 10000), warm calls of each (default 3).
 */
public final class LargeRealmBenchmark {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String REALM = "yte-demo";
  private static final int BATCH = 1000;

  public static void main(String[] args) throws Exception {
    int accounts = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    int calls = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    Path work = Path.of(System.getProperty("build.dir", "target"), "bench");
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    try (KeycloakServer keycloak = BenchKeycloak.start(work)) {
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
      // A mail server is needed for the sweep to run; nobody is due, so nothing is sent.
      HttpResponse<String> smtp =
          http.send(
              HttpRequest.newBuilder(URI.create(keycloak.baseUrl() + "/admin/realms/" + REALM))
                  .header("Authorization", "Bearer " + keycloak.adminToken())
                  .header("Content-Type", "application/json")
                  .PUT(
                      HttpRequest.BodyPublishers.ofString(
                          "{\"smtpServer\":{\"host\":\"127.0.0.1\",\"port\":\"2\","
                              + "\"from\":\"it@benhvien.vn\"}}"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (smtp.statusCode() != 204) {
        throw new IllegalStateException("SMTP settings refused: " + smtp.body());
      }
      for (String call :
          List.of(
              "GET yte-demo /yte-policy/assessment",
              "POST yte-demo /yte-policy/expiry-notices",
              "GET master /yte-policy/units")) {
        String[] parts = call.split(" ");
        for (int i = 0; i <= calls; i++) {
          long t0 = System.nanoTime();
          HttpResponse<String> answer =
              http.send(
                  HttpRequest.newBuilder(URI.create(keycloak.issuer(parts[1]) + parts[2]))
                      .header("Authorization", "Bearer " + keycloak.adminToken())
                      .method(parts[0], HttpRequest.BodyPublishers.noBody())
                      .timeout(Duration.ofMinutes(10))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
          double seconds = (System.nanoTime() - t0) / 1e9;
          JsonNode body =
              answer.statusCode() == 200 ? JSON.readTree(answer.body()) : JSON.nullNode();
          System.out.printf(
              "%s, %s call: HTTP %d in %.2f s %s%n",
              call,
              i == 0 ? "first" : "warm",
              answer.statusCode(),
              seconds,
              body.has("summary") ? body.get("summary") : summaries(body));
        }
      }
    }
  }

  /** The units view's counts per realm; anything else as it came. */
  private static JsonNode summaries(JsonNode body) {
    if (!body.has("units")) {
      return body;
    }
    var out = JSON.createObjectNode();
    body.get("units").forEach(u -> out.set(u.get("realm").asText(), u.get("summary")));
    return out;
  }
}
