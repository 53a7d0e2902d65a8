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
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import vn.yte.iam.testsupport.KeycloakServer;
import vn.yte.iam.testsupport.Totp;

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

  /** TOTP keys of the demo users (Keycloak stores the key as text and uses its UTF-8 bytes). */
  private static final Map<String, String> DEMO_TOTP_KEYS =
      Map.of(
          CLINICIAN,
          "Clinician-Totp-Key-01",
          "qt.tranthibinh",
          "Admin-Totp-Key-00002",
          "kt.lethichi",
          "Auditor-Totp-Key-0003");

  private final Map<String, Totp.Device> devices = new java.util.concurrent.ConcurrentHashMap<>();
  private final Map<String, List<String>> recoveryCodes =
      new java.util.concurrent.ConcurrentHashMap<>();

  /**
   * PKCE S256 pair for browser logins whose code a test redeems (challenge = SHA-256 of verifier).
   */
  static final String PKCE_VERIFIER = "dBjftJeZ4CVP-mJ92IGr2fsCNHMdnn1QkkLJ0WkoWZY";

  static final String PKCE_CHALLENGE = "pgFZFBKu4YbxKwM8jpzZ9mAmXdgn_6lZEcLmkPLQ55A";

  /** Where browser tests are sent after login; nothing listens there, the URL carries the code. */
  public static final String BROWSER_REDIRECT = "http://127.0.0.1/callback";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final java.util.concurrent.atomic.AtomicInteger CITIZENS =
      new java.util.concurrent.atomic.AtomicInteger();
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
            // As ./run and the production image import them: the server's own realm first.
            .importRealm(policies.resolve("realm/master-realm.json"))
            .importRealm(policies.resolve("realm/yte-demo-realm.json"))
            .importRealm(testRealm("yte-pwtest-realm.json"))
            .env("YTE_DEMO_CLINICIAN_PASSWORD", CLINICIAN_PASSWORD)
            .env("YTE_DEMO_ADMIN_PASSWORD", "Demo-Admin-2026!x")
            .env("YTE_DEMO_AUDITOR_PASSWORD", "Demo-Auditor-2026!x")
            .env("YTE_MFA_SERVICE_CLIENT_SECRET", "test-secret-not-for-production")
            .env("YTE_DEMO_CLINICIAN_TOTP", DEMO_TOTP_KEYS.get(CLINICIAN))
            .env("YTE_DEMO_ADMIN_TOTP", DEMO_TOTP_KEYS.get("qt.tranthibinh"))
            .env("YTE_DEMO_AUDITOR_TOTP", DEMO_TOTP_KEYS.get("kt.lethichi"))
            // As behind the production proxy: the client address comes from X-Forwarded-For,
            // which lets tests log in from several workstations (ACC-3).
            .option("--proxy-headers=xforwarded")
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
    return server.issuer(REALM)
        + "/protocol/openid-connect/auth?client_id=his-demo&response_type=code&scope=openid"
        + "&redirect_uri="
        + BROWSER_REDIRECT
        + "&code_challenge="
        + PKCE_CHALLENGE
        + "&code_challenge_method=S256"
        + (locale == null ? "" : "&ui_locales=" + locale);
  }

  /** Fills and submits Keycloak's login form. */
  public static void submitLogin(
      vn.yte.iam.testsupport.Browser browser, String username, String password) {
    browser.type("#username", username);
    browser.type("#password", password);
    browser.click("#kc-login");
  }

  /**
   * Imports a user whose password was set {@code daysAgo} days ago, stored as Keycloak stores it
   * (PBKDF2-SHA256): the creation date Keycloak's own expiry reads, so no clock has to move.
   */
  public void importUser(
      String realm,
      String username,
      String password,
      int daysAgo,
      Map<String, List<String>> attributes) {
    try {
      byte[] salt = new byte[16];
      new java.security.SecureRandom().nextBytes(salt);
      int iterations = 27_500;
      byte[] hash =
          javax.crypto.SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
              .generateSecret(
                  new javax.crypto.spec.PBEKeySpec(password.toCharArray(), salt, iterations, 512))
              .getEncoded();
      long created =
          java.time.Instant.now().minus(java.time.Duration.ofDays(daysAgo)).toEpochMilli();
      java.util.Base64.Encoder b64 = java.util.Base64.getEncoder();
      Map<String, Object> credential =
          Map.of(
              "type",
              "password",
              "createdDate",
              created,
              "secretData",
              "{\"value\":\""
                  + b64.encodeToString(hash)
                  + "\",\"salt\":\""
                  + b64.encodeToString(salt)
                  + "\",\"additionalParameters\":{}}",
              "credentialData",
              "{\"hashIterations\":"
                  + iterations
                  + ",\"algorithm\":\"pbkdf2-sha256\",\"additionalParameters\":{}}");
      Map<String, Object> user = new java.util.LinkedHashMap<>();
      user.put("username", username);
      user.put("enabled", true);
      user.put("firstName", "Test");
      user.put("lastName", "Người Dùng");
      user.put("email", username + "@benhvien-demo.vn");
      user.put("emailVerified", true);
      Map<String, List<String>> withCitizenId = new java.util.HashMap<>(attributes);
      // ACC-1: every account holds its own citizen ID; tests that do not care get a fresh one.
      withCitizenId.computeIfAbsent(
          "cccd",
          k ->
              List.of(
                  String.format(java.util.Locale.ROOT, "001091%06d", CITIZENS.incrementAndGet())));
      user.put("attributes", withCitizenId);
      user.put("credentials", List.of(credential));
      Response r =
          adminPost(
              "/realms/" + realm + "/partialImport",
              Map.of("ifResourceExists", "OVERWRITE", "users", List.of(user)));
      if (r.status() != 200) {
        throw new IllegalStateException("Import of " + username + " failed: " + r);
      }
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Completes Keycloak's TOTP enrolment page (MFA-1), reading the key as a user would. */
  public Totp.Device enrolTotp(vn.yte.iam.testsupport.Browser browser, String username) {
    browser.click("#mode-manual");
    String key = browser.text("#kc-totp-secret-key");
    Totp.Device device = enrolled(username, Totp.base32(key));
    browser.type("#totp", device.nextCode());
    browser.click("#saveTOTPBtn");
    // Wait until Keycloak has taken the code and moved on, so the credential is stored.
    browser.awaitAbsent("#kc-totp-settings-form");
    // The shipped realm asks for recovery codes straight after (MFA-3): keep them, as a user would.
    if (browser.present("#kc-recovery-codes-list")) {
      recoveryCodes.put(username, browser.text("#kc-recovery-codes-list").lines().toList());
      browser.click("#kcRecoveryCodesConfirmationCheck");
      browser.click("#saveRecoveryAuthnCodesBtn");
      browser.awaitAbsent("#kc-recovery-codes-list");
    }
    return device;
  }

  /** The recovery codes shown to the user at enrolment, in order, as printed ("ABCD-EFGH-IJKL"). */
  public List<String> recoveryCodes(String username) {
    return recoveryCodes.getOrDefault(username, List.of());
  }

  public KeycloakServer server() {
    return server;
  }

  public Response passwordGrant(String clientId, String username, String password) {
    return passwordGrant(REALM, clientId, username, password);
  }

  public Response passwordGrant(String realm, String clientId, String username, String password) {
    return passwordGrant(realm, clientId, username, password, null);
  }

  /** The direct grant with a TOTP code, as the demo realm's yte-direct-grant flow demands. */
  public Response passwordGrant(
      String realm, String clientId, String username, String password, String totp) {
    return passwordGrantFrom(null, realm, clientId, username, password, totp);
  }

  /** The direct grant as if from workstation {@code address} behind the proxy (null: direct). */
  public Response passwordGrantFrom(
      String address,
      String realm,
      String clientId,
      String username,
      String password,
      String totp) {
    Map<String, String> form = new java.util.LinkedHashMap<>();
    form.put("grant_type", "password");
    form.put("client_id", clientId);
    form.put("username", username);
    form.put("password", password);
    form.put("scope", "openid");
    if (totp != null) {
      form.put("totp", totp);
    }
    return postForm(
        server.issuer(realm) + "/protocol/openid-connect/token",
        form,
        null,
        address == null ? Map.of() : Map.of("X-Forwarded-For", address));
  }

  /** A demo-realm authorization request for {@code clientId}, PKCE with {@link #PKCE_CHALLENGE}. */
  public String authUrl(String clientId, String extraParameters) {
    return browserLoginUrl(null).replace("client_id=his-demo", "client_id=" + clientId)
        + (extraParameters == null ? "" : "&" + extraParameters);
  }

  /** Redeems the code in a callback URL the browser was sent to: the token response. */
  public JsonNode redeem(String clientId, String callbackUrl) {
    String code =
        java.util.Arrays.stream(URI.create(callbackUrl).getRawQuery().split("&"))
            .filter(p -> p.startsWith("code="))
            .map(p -> java.net.URLDecoder.decode(p.substring(5), StandardCharsets.UTF_8))
            .findFirst()
            .orElseThrow(() -> new IllegalStateException("No code in " + callbackUrl));
    Response r =
        postForm(
            server.issuer(REALM) + "/protocol/openid-connect/token",
            Map.of(
                "grant_type", "authorization_code",
                "client_id", clientId,
                "code", code,
                "redirect_uri", BROWSER_REDIRECT,
                "code_verifier", PKCE_VERIFIER),
            null);
    if (r.status() != 200) {
      throw new IllegalStateException("Code not redeemed: " + r);
    }
    return r.json();
  }

  public JsonNode refresh(String clientId, String refreshToken) {
    Response r =
        postForm(
            server.issuer(REALM) + "/protocol/openid-connect/token",
            Map.of(
                "grant_type", "refresh_token",
                "client_id", clientId,
                "refresh_token", refreshToken),
            null);
    if (r.status() != 200) {
      throw new IllegalStateException("Not refreshed: " + r);
    }
    return r.json();
  }

  /** The claims of a JWT (not verified: the server under test just issued it). */
  public static JsonNode claims(String jwt) {
    try {
      return JSON.readTree(java.util.Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  public Response clientCredentials(String realm, String clientId, String secret) {
    return postForm(
        server.issuer(realm) + "/protocol/openid-connect/token",
        Map.of("grant_type", "client_credentials", "client_id", clientId, "client_secret", secret),
        null);
  }

  /** A demo-realm direct grant with the user's next unused TOTP code. */
  public Response demoGrant(String username, String password) {
    return passwordGrant(REALM, "his-demo", username, password, device(username).nextCode());
  }

  /** An access token of a demo user, by direct grant with password and TOTP. */
  public String demoToken(String username, String password) {
    Response r = demoGrant(username, password);
    if (r.status() != 200) {
      throw new IllegalStateException("Login of " + username + " failed: " + r);
    }
    return r.json().get("access_token").asText();
  }

  /** The authenticator app of a demo user, or of a user enrolled with {@code key} in a test. */
  public Totp.Device device(String username) {
    return devices.computeIfAbsent(
        username,
        u -> {
          String key = DEMO_TOTP_KEYS.get(u);
          if (key == null) {
            throw new IllegalStateException("No TOTP key known for " + u + "; enrol() it first");
          }
          return new Totp.Device(key.getBytes(StandardCharsets.UTF_8));
        });
  }

  /** Remembers the key a test enrolled for a user (e.g. read from the enrolment page). */
  public Totp.Device enrolled(String username, byte[] key) {
    Totp.Device device = new Totp.Device(key);
    devices.put(username, device);
    return device;
  }

  /** A token of the server's bootstrap service account, which administers every realm. */
  public String adminToken() {
    return server.adminToken();
  }

  /**
   * Creates an account in {@code master} with a password: a server administrator (master's {@code
   * admin} role, so of every realm) or an account that administers nothing. Returns its id.
   * Imported, as the shipped master realm lets administrators issue passwords only (PW-3).
   */
  public String masterAccount(String username, String password, boolean administrator) {
    importUser("master", username, password, 0, Map.of());
    String id = userId("master", username);
    if (administrator) {
      JsonNode admin = adminGet("/realms/master/roles/admin").json();
      Response granted =
          adminPost("/realms/master/users/" + id + "/role-mappings/realm", List.of(admin));
      if (granted.status() != 204) {
        throw new IllegalStateException("Admin role not granted: " + granted);
      }
    }
    return id;
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

  /** The id of {@code realm}'s client named {@code clientId} (such as {@code yte-demo-realm}). */
  public String clientUuid(String realm, String clientId) {
    JsonNode clients = adminGet("/realms/" + realm + "/clients?clientId=" + clientId).json();
    if (clients.size() != 1) {
      throw new IllegalStateException("No single client " + clientId + ": " + clients);
    }
    return clients.get(0).get("id").asText();
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
    return postForm(url, form, bearer, Map.of());
  }

  private Response postForm(
      String url, Map<String, String> form, String bearer, Map<String, String> headers) {
    String body =
        form.entrySet().stream()
            .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
            .collect(Collectors.joining("&"));
    HttpRequest.Builder req =
        HttpRequest.newBuilder(URI.create(url))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    headers.forEach(req::header);
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
