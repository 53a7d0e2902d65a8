package vn.yte.iam.keycloak.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import vn.yte.iam.testsupport.KeycloakServer;

/**
 * Boots the real Keycloak with our provider jar and the demo realm from {@code policies/}, and
 * talks to it over HTTP the way an administrator or client application would.
 */
public final class KeycloakTestSupport implements AutoCloseable {
  public static final String REALM = "yte-demo";

  /** Test realm with the moh-2021 policy minus issued-only, so tests may set passwords as admin. */
  public static final String PW_REALM = "yte-pwtest";

  public static final String CLINICIAN = "bs.nguyenvanan";
  public static final String CLINICIAN_PASSWORD = "Demo-Clinician-2026!x";

  /** Where browser tests are sent after login; nothing listens there, the URL carries the code. */
  public static final String BROWSER_REDIRECT = "http://127.0.0.1/callback";

  private static final ObjectMapper JSON = new ObjectMapper();
  private final KeycloakServer server;
  private final HttpClient http = HttpClient.newHttpClient();

  private KeycloakTestSupport(KeycloakServer server) {
    this.server = server;
  }

  public static KeycloakTestSupport start() {
    Path policies = KeycloakServer.policiesDir();
    KeycloakServer server =
        KeycloakServer.builder(KeycloakServer.distributionFromBuild())
            .provider(Path.of(System.getProperty("provider.jar")))
            .importRealm(policies.resolve("realm/yte-demo-realm.json"))
            .importRealm(testRealm("yte-pwtest-realm.json"))
            .env("YTE_DEMO_CLINICIAN_PASSWORD", CLINICIAN_PASSWORD)
            .env("YTE_DEMO_ADMIN_PASSWORD", "Demo-Admin-2026!x")
            .env("YTE_DEMO_AUDITOR_PASSWORD", "Demo-Auditor-2026!x")
            .env("YTE_MFA_SERVICE_CLIENT_SECRET", "test-secret-not-for-production")
            .start();
    return new KeycloakTestSupport(server);
  }

  private static Path testRealm(String file) {
    try {
      return Path.of(KeycloakTestSupport.class.getResource("/realms/" + file).toURI());
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The demo client's authorization request as a browser starts it (PKCE S256, fixed challenge).
   */
  public String browserLoginUrl(String locale) {
    // No code is redeemed in browser tests, so the verifier behind the challenge does not matter.
    return server.issuer(REALM)
        + "/protocol/openid-connect/auth?client_id=his-demo&response_type=code&scope=openid"
        + "&redirect_uri="
        + BROWSER_REDIRECT
        + "&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256"
        + (locale == null ? "" : "&ui_locales=" + locale);
  }

  /** Fills and submits Keycloak's login form. */
  public static void submitLogin(
      vn.yte.iam.testsupport.Browser browser, String username, String password) {
    browser.type("#username", username);
    browser.type("#password", password);
    browser.click("#kc-login");
  }

  public KeycloakServer server() {
    return server;
  }

  public Response passwordGrant(String clientId, String username, String password) {
    return passwordGrant(REALM, clientId, username, password);
  }

  public Response passwordGrant(String realm, String clientId, String username, String password) {
    return postForm(
        server.issuer(realm) + "/protocol/openid-connect/token",
        Map.of(
            "grant_type", "password",
            "client_id", clientId,
            "username", username,
            "password", password,
            "scope", "openid"),
        null);
  }

  public String adminToken() {
    Response response =
        postForm(
            server.issuer("master") + "/protocol/openid-connect/token",
            Map.of(
                "grant_type",
                "password",
                "client_id",
                "admin-cli",
                "username",
                KeycloakServer.ADMIN_USERNAME,
                "password",
                server.adminPassword()),
            null);
    if (response.status() != 200) {
      throw new IllegalStateException("Admin login failed: " + response);
    }
    return response.json().get("access_token").asText();
  }

  public Response adminGet(String path) {
    return send(
        HttpRequest.newBuilder(URI.create(server.baseUrl() + "/admin" + path))
            .header("Authorization", "Bearer " + adminToken())
            .GET());
  }

  public Response adminPut(String path, Object body) {
    return send(
        HttpRequest.newBuilder(URI.create(server.baseUrl() + "/admin" + path))
            .header("Authorization", "Bearer " + adminToken())
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(toJson(body))));
  }

  public Response adminPost(String path, Object body) {
    return send(
        HttpRequest.newBuilder(URI.create(server.baseUrl() + "/admin" + path))
            .header("Authorization", "Bearer " + adminToken())
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(toJson(body))));
  }

  public Response adminDelete(String path) {
    return send(
        HttpRequest.newBuilder(URI.create(server.baseUrl() + "/admin" + path))
            .header("Authorization", "Bearer " + adminToken())
            .DELETE());
  }

  /** POST of a JSON body to any server path (our realm resources), with the given bearer. */
  public Response postJson(String path, Object body, String bearer) {
    HttpRequest.Builder req =
        HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(toJson(body)));
    if (bearer != null) {
      req.header("Authorization", "Bearer " + bearer);
    }
    return send(req);
  }

  public Response get(String path, String bearer) {
    HttpRequest.Builder req = HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).GET();
    if (bearer != null) {
      req.header("Authorization", "Bearer " + bearer);
    }
    return send(req);
  }

  /** Sets one realm's password policy string, returning the previous one. */
  public String setPasswordPolicy(String realm, String policy) {
    String previous = adminGet("/realms/" + realm).json().get("passwordPolicy").asText();
    Response r = adminPut("/realms/" + realm, Map.of("passwordPolicy", policy));
    if (r.status() != 204) {
      throw new IllegalStateException("Cannot set policy: " + r);
    }
    return previous;
  }

  public String userId(String username) {
    return userId(REALM, username);
  }

  public String userId(String realm, String username) {
    JsonNode users = adminGet("/realms/" + realm + "/users?exact=true&username=" + username).json();
    if (users.size() != 1) {
      throw new IllegalStateException("No single user " + username + ": " + users);
    }
    return users.get(0).get("id").asText();
  }

  /** Admin sets a (non-temporary) password: the path where realm password policies apply. */
  public Response resetPassword(String username, String password) {
    return resetPassword(REALM, username, password);
  }

  public Response resetPassword(String realm, String username, String password) {
    return adminPut(
        "/realms/" + realm + "/users/" + userId(realm, username) + "/reset-password",
        Map.of("type", "password", "value", password, "temporary", false));
  }

  private Response postForm(String url, Map<String, String> form, String bearer) {
    String body =
        form.entrySet().stream()
            .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
            .collect(Collectors.joining("&"));
    HttpRequest.Builder req =
        HttpRequest.newBuilder(URI.create(url))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (bearer != null) {
      req.header("Authorization", "Bearer " + bearer);
    }
    return send(req);
  }

  private Response send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Response(r.statusCode(), r.body());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static String toJson(Object body) {
    try {
      return JSON.writeValueAsString(body);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    server.close();
  }

  /** Status and body of one HTTP exchange. */
  public record Response(int status, String body) {
    public JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new IllegalStateException("Not JSON (" + status + "): " + body, e);
      }
    }
  }
}
