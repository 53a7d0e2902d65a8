package vn.yte.iam.mfa.e2e;

import com.nimbusds.jose.util.JSONArrayUtils;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.yte.iam.testsupport.KeycloakServer;

/** What the ingest tests ask of the real Keycloak: token requests and its stored event ids. */
final class KeycloakEvents {
  private final KeycloakServer keycloak;
  private final HttpClient http = HttpClient.newHttpClient();

  KeycloakEvents(KeycloakServer keycloak) {
    this.keycloak = keycloak;
  }

  /** A password grant at the demo realm's population-database client. */
  HttpResponse<String> login(String username, String password, String code) throws Exception {
    return passwordGrant("his-demo", username, password, code);
  }

  /** A password grant at the demo realm's admin-cli, as an administrator's tools sign in. */
  HttpResponse<String> adminLogin(String username, String password, String code) throws Exception {
    return passwordGrant("admin-cli", username, password, code);
  }

  /** A password grant at master's admin-cli, without a TOTP code. */
  HttpResponse<String> masterLogin(String username, String password) throws Exception {
    return tokenRequest(
        "master",
        "grant_type=password&client_id=admin-cli&username="
            + URLEncoder.encode(username, StandardCharsets.UTF_8)
            + "&password="
            + URLEncoder.encode(password, StandardCharsets.UTF_8));
  }

  private HttpResponse<String> passwordGrant(
      String clientId, String username, String password, String code) throws Exception {
    return tokenRequest(
        "yte-demo",
        "grant_type=password&client_id="
            + clientId
            + "&scope=openid&username="
            + URLEncoder.encode(username, StandardCharsets.UTF_8)
            + "&password="
            + URLEncoder.encode(password, StandardCharsets.UTF_8)
            + "&totp="
            + code);
  }

  /** An administrative change in the demo realm: a new realm role. */
  HttpResponse<String> createRealmRole(String adminToken, String name) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(keycloak.baseUrl() + "/admin/realms/yte-demo/roles"))
            .header("Authorization", "Bearer " + adminToken)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"" + name + "\"}"))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /**
   * A new account in master, made by the server's service account, given the right {@code right} of
   * master's client {@code rightsClient} (such as {@code yte-demo-realm}); returns its id.
   */
  String newMasterAccount(String username, String rightsClient, String right) throws Exception {
    String created =
        admin(
                "POST",
                "/realms/master/users",
                "{\"username\":\"" + username + "\",\"enabled\":true}")
            .headers()
            .firstValue("Location")
            .orElseThrow();
    String user = created.substring(created.lastIndexOf('/') + 1);
    String clients = admin("GET", "/realms/master/clients?clientId=" + rightsClient, null).body();
    String client = (String) ((Map<?, ?>) JSONArrayUtils.parse(clients).get(0)).get("id");
    String role = admin("GET", "/realms/master/clients/" + client + "/roles/" + right, null).body();
    HttpResponse<String> granted =
        admin(
            "POST",
            "/realms/master/users/" + user + "/role-mappings/clients/" + client,
            "[" + role + "]");
    if (granted.statusCode() != 204) {
      throw new IllegalStateException("Right not granted: " + granted.body());
    }
    return user;
  }

  private HttpResponse<String> admin(String method, String path, String json) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(keycloak.baseUrl() + "/admin" + path))
            .header("Authorization", "Bearer " + keycloak.adminToken());
    if (json == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request
          .header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(json));
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Ends the SSO session of a his-demo login. */
  HttpResponse<String> logout(String refreshToken) throws Exception {
    return http.send(
        HttpRequest.newBuilder(
                URI.create(keycloak.issuer("yte-demo") + "/protocol/openid-connect/logout"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    "client_id=his-demo&refresh_token="
                        + URLEncoder.encode(refreshToken, StandardCharsets.UTF_8)))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** The ids of every user and admin event Keycloak has stored for the demo realm. */
  Set<String> storedIds() throws Exception {
    Set<String> ids = new HashSet<>();
    String admin = keycloak.adminToken();
    for (String path : List.of("/events?max=100000", "/admin-events?max=100000")) {
      HttpResponse<String> r =
          http.send(
              HttpRequest.newBuilder(
                      URI.create(keycloak.baseUrl() + "/admin/realms/yte-demo" + path))
                  .header("Authorization", "Bearer " + admin)
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      for (Object e : JSONArrayUtils.parse(r.body())) {
        ids.add((String) ((Map<?, ?>) e).get("id"));
      }
    }
    return ids;
  }

  private HttpResponse<String> tokenRequest(String realm, String form) throws Exception {
    return http.send(
        HttpRequest.newBuilder(
                URI.create(keycloak.issuer(realm) + "/protocol/openid-connect/token"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
