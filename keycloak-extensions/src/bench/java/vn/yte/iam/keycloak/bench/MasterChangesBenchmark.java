package vn.yte.iam.keycloak.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import vn.yte.iam.testsupport.KeycloakServer;

/**
 * What reading master's changes to a realm's administration costs (LOG-1, {@code GET
 * /realms/{realm}/yte-accounts/server-admin-events}, which mfa-service calls every 2 s) once master
 * has a long history. Master is given groups and realm roles of its own, one group and one role
 * holding a right over the demo realm, and many accounts imported with a group by path and a role
 * by name: the case that makes Keycloak read master's whole group and role history, since those
 * names are not the realm's administrators now. Timed: reading the whole history page by page, as
 * after an outage; and a page holding one new change, as in steady polling, for a change that needs
 * the history (an import) and one that does not (a role mapping).
 *
 * <p>Arguments: accounts (default 5000), groups and roles each (default 200), page size (default
 * 100).
 */
public final class MasterChangesBenchmark {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String REALM = "yte-demo";
  private static final int BATCH = 500;

  private final KeycloakServer keycloak;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  private MasterChangesBenchmark(KeycloakServer keycloak) {
    this.keycloak = keycloak;
  }

  public static void main(String[] args) throws Exception {
    int accounts = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
    int named = args.length > 1 ? Integer.parseInt(args[1]) : 200;
    int page = args.length > 2 ? Integer.parseInt(args[2]) : 100;
    Path work = Path.of(System.getProperty("build.dir", "target"), "bench");
    try (KeycloakServer keycloak = BenchKeycloak.start(work)) {
      new MasterChangesBenchmark(keycloak).run(accounts, named, page);
    }
  }

  private void run(int accounts, int named, int page) throws Exception {
    long started = System.nanoTime();
    String rightsClient = id("/clients?clientId=" + REALM + "-realm");
    JsonNode right = get("/clients/" + rightsClient + "/roles/view-users");
    List<Map<String, Object>> groups = new ArrayList<>();
    List<Map<String, Object>> roles = new ArrayList<>();
    for (int i = 0; i < named; i++) {
      // Keycloak's import finds the group it wrote by its path, and fails without one.
      String name = String.format("Khoa %04d", i);
      groups.add(Map.of("name", name, "path", "/" + name));
      roles.add(Map.of("name", String.format("vai-tro-%04d", i)));
    }
    importIntoMaster(Map.of("ifResourceExists", "SKIP", "groups", groups));
    importIntoMaster(Map.of("ifResourceExists", "SKIP", "roles", Map.of("realm", roles)));
    // One group and one role of administrators of the demo realm.
    send("POST", "/groups", Map.of("name", "Quản trị demo"));
    send(
        "POST",
        "/groups/"
            + id("/groups?exact=true&search=" + encode("Quản trị demo"))
            + "/role-mappings"
            + "/clients/"
            + rightsClient,
        List.of(right));
    send("POST", "/roles", Map.of("name", "qt-demo"));
    send("POST", "/roles/qt-demo/composites", List.of(right));
    for (int first = 0; first < accounts; first += BATCH) {
      List<Map<String, Object>> users = new ArrayList<>();
      for (int i = first; i < Math.min(accounts, first + BATCH); i++) {
        users.add(
            Map.of(
                "username",
                String.format("nv.master%06d", i),
                "enabled",
                true,
                "groups",
                List.of(String.format("/Khoa %04d", i % named)),
                "realmRoles",
                List.of(String.format("vai-tro-%04d", i % named))));
      }
      importIntoMaster(Map.of("ifResourceExists", "SKIP", "users", users));
    }
    System.out.printf(
        "master: %d accounts, %d groups, %d roles written in %.1f s%n",
        accounts, named, named, (System.nanoTime() - started) / 1e9);

    String token = serviceToken();
    // The whole history, page by page, as mfa-service reads it after an outage.
    long t0 = System.nanoTime();
    int pages = 0;
    int scanned = 0;
    int given = 0;
    double slowest = 0;
    for (int first = 0; ; first += page) {
      long p0 = System.nanoTime();
      JsonNode answer = changes(token, 0, first, page);
      slowest = Math.max(slowest, (System.nanoTime() - p0) / 1e6);
      pages++;
      scanned += answer.get("scanned").asInt();
      given += answer.get("events").size();
      if (answer.get("scanned").asInt() < page) {
        break;
      }
    }
    double total = (System.nanoTime() - t0) / 1e6;
    System.out.printf(
        "whole history: %d changes scanned, %d given out, %d pages of %d in %.0f ms"
            + " (%.1f ms a page on average, slowest %.1f ms)%n",
        scanned, given, pages, page, total, total / pages, slowest);

    // Steady polling: one new change, and the page that holds it.
    for (int round = 0; round < 5; round++) {
      long since = System.currentTimeMillis();
      importIntoMaster(
          Map.of(
              "ifResourceExists",
              "SKIP",
              "users",
              List.of(
                  Map.of(
                      "username",
                      "nv.moi" + round,
                      "enabled",
                      true,
                      "groups",
                      List.of("/Khoa 0001"),
                      "realmRoles",
                      List.of("vai-tro-0001")))));
      timePage(token, since, page, "an account imported with a group and a role by name");
      since = System.currentTimeMillis();
      String user = id("/users?exact=true&username=nv.moi" + round);
      send("POST", "/users/" + user + "/role-mappings/realm", List.of(get("/roles/vai-tro-0002")));
      timePage(token, since, page, "a role mapping");
    }
  }

  private void timePage(String token, long since, int page, String what) throws Exception {
    long t0 = System.nanoTime();
    JsonNode answer = changes(token, since, 0, page);
    System.out.printf(
        "one new change (%s): page read in %.1f ms, %d scanned, %d given out%n",
        what,
        (System.nanoTime() - t0) / 1e6,
        answer.get("scanned").asInt(),
        answer.get("events").size());
  }

  private JsonNode changes(String token, long since, int first, int max) throws Exception {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(
                    URI.create(
                        keycloak.issuer(REALM)
                            + "/yte-accounts/server-admin-events?dateFrom="
                            + since
                            + "&first="
                            + first
                            + "&max="
                            + max))
                .header("Authorization", "Bearer " + token)
                .timeout(Duration.ofMinutes(5))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      throw new IllegalStateException("server-admin-events: HTTP " + r.statusCode() + r.body());
    }
    return JSON.readTree(r.body());
  }

  /** mfa-service's own token: its service account holds view-events in the demo realm. */
  private String serviceToken() throws Exception {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(
                    URI.create(keycloak.issuer(REALM) + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "grant_type=client_credentials&client_id=mfa-service&client_secret="
                            + BenchKeycloak.SERVICE_SECRET))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      throw new IllegalStateException("token: HTTP " + r.statusCode() + " " + r.body());
    }
    return JSON.readTree(r.body()).get("access_token").asText();
  }

  private void importIntoMaster(Map<String, Object> file) throws Exception {
    send("POST", "/partialImport", file);
  }

  private String id(String query) throws Exception {
    JsonNode found = get(query);
    if (!found.isArray() || found.size() != 1) {
      throw new IllegalStateException(query + ": " + found);
    }
    return found.get(0).get("id").asText();
  }

  private JsonNode get(String path) throws Exception {
    return JSON.readTree(admin("GET", path, null).body());
  }

  private void send(String method, String path, Object body) throws Exception {
    HttpResponse<String> r = admin(method, path, body);
    if (r.statusCode() / 100 != 2) {
      throw new IllegalStateException(method + " " + path + ": HTTP " + r.statusCode() + r.body());
    }
  }

  private HttpResponse<String> admin(String method, String path, Object body) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(keycloak.baseUrl() + "/admin/realms/master" + path))
            .header("Authorization", "Bearer " + keycloak.adminToken())
            .header("Content-Type", "application/json")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
            .timeout(Duration.ofMinutes(5))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}
