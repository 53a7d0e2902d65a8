package vn.yte.iam.mfa.ingest;

import com.nimbusds.jose.util.JSONArrayUtils;
import com.nimbusds.jose.util.JSONObjectUtils;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.stereotype.Component;
import vn.yte.iam.mfa.audit.AuditEvent;
import vn.yte.iam.mfa.security.TokenProperties;

/**
 * Reads Keycloak's stored user and admin events through its admin API, as the service account of
 * the {@code mfa-service} client. Keycloak writes them in the transaction of the login or change
 * itself, so its event store is the outbox: nothing is lost while mfa-service is down.
 */
@Component
public class KeycloakEventClient {
  private static final int DETAIL_MAX = 2000;

  /** The most events a page of our extension's {@code server-events} resources holds. */
  static final int SERVER_PAGE_MAX = 1000;

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String issuer; // the realm URL tokens are requested from
  private final String realmName;
  private final String adminRealm;
  private final IngestProperties properties;
  // Read by several threads (the pull, its read-ahead, the self-assessment); set under token().
  private volatile String token;
  private volatile Instant tokenExpires = Instant.EPOCH;

  KeycloakEventClient(TokenProperties tokens, IngestProperties properties) {
    String realm =
        properties.realmUrl() == null || properties.realmUrl().isBlank()
            ? tokens.issuer()
            : properties.realmUrl();
    this.issuer = realm;
    this.realmName = realm.substring(realm.lastIndexOf('/') + 1);
    this.adminRealm = realm.replace("/realms/", "/admin/realms/");
    this.properties = properties;
  }

  /** The realm whose events and assessment this client reads. */
  public String realmName() {
    return realmName;
  }

  /**
   * Whether Keycloak leaves events out of this kind's pages (master's, of which the realm sees its
   * own administrators' only), so that a page holds fewer events than Keycloak read for it.
   */
  static boolean filtersPages(String kind) {
    return "SERVER".equals(kind) || "SERVER_ADMIN".equals(kind);
  }

  /** Events of one kind stored at or after {@code fromMillis}, oldest first, one page. */
  EventPage page(String kind, long fromMillis, int first) {
    if ("SERVER".equals(kind)) {
      return serverPage(
          "server-events",
          fromMillis,
          first,
          (json, realm) ->
              userEvent(json, "SERVER", realm + "/" + JSONObjectUtils.getString(json, "username")));
    }
    if ("SERVER_ADMIN".equals(kind)) {
      return serverPage(
          "server-admin-events",
          fromMillis,
          first,
          (json, realm) -> adminEvent(json, "SERVER_ADMIN", realm));
    }
    String path = "USER".equals(kind) ? "/events" : "/admin-events";
    HttpResponse<String> response =
        send(
            HttpRequest.newBuilder(
                URI.create(adminRealm + path + paging(fromMillis, first, pageSize(kind)))),
            true);
    try {
      List<KeycloakEvent> events = new ArrayList<>();
      for (Object item : JSONArrayUtils.parse(response.body())) {
        @SuppressWarnings("unchecked")
        Map<String, Object> json = (Map<String, Object>) item;
        events.add(
            "USER".equals(kind)
                ? userEvent(json, "USER", username(json))
                : adminEvent(json, "ADMIN", null));
      }
      long newest = events.stream().mapToLong(KeycloakEvent::time).max().orElse(fromMillis);
      return new EventPage(events, events.size(), newest);
    } catch (ParseException e) {
      throw new IllegalStateException("Keycloak answered malformed JSON", e);
    }
  }

  /**
   * LOG-1 for the server's administrators: their sign-ins, and the changes that make, unmake or
   * reset them, happen in {@code master}, which this realm's service account cannot read. Our
   * extension's {@code server-events} and {@code server-admin-events} resources (same {@code
   * view-events} permission) give those that concern this realm's administration, the accounts
   * recorded as {@code master/<username>}, as their admin events here are.
   */
  private EventPage serverPage(
      String resource, long fromMillis, int first, ServerEventReader reader) {
    HttpResponse<String> response =
        send(
            HttpRequest.newBuilder(
                URI.create(
                    issuer
                        + "/yte-accounts/"
                        + resource
                        + paging(fromMillis, first, serverPageSize()))),
            true);
    try {
      Map<String, Object> page = JSONObjectUtils.parse(response.body());
      String realm = JSONObjectUtils.getString(page, "realm");
      Map<String, Object>[] items = JSONObjectUtils.getJSONObjectArray(page, "events");
      if (items == null || realm == null) {
        throw new IllegalStateException("Keycloak answered a page without realm or events");
      }
      List<KeycloakEvent> events = new ArrayList<>();
      for (Map<String, Object> json : items) {
        events.add(reader.read(json, realm));
      }
      return new EventPage(
          events,
          (int) JSONObjectUtils.getLong(page, "scanned"),
          JSONObjectUtils.getLong(page, "newest"));
    } catch (ParseException e) {
      throw new IllegalStateException("Keycloak answered malformed JSON", e);
    }
  }

  /**
   * SEC-6: the realm's self-assessment from our extension ({@code yte-policy/assessment}, which
   * needs view-realm), as Keycloak sent it.
   */
  public Map<String, Object> realmAssessment() {
    HttpResponse<String> response =
        send(HttpRequest.newBuilder(URI.create(issuer + "/yte-policy/assessment")), true);
    try {
      return JSONObjectUtils.parse(response.body());
    } catch (ParseException e) {
      throw new IllegalStateException("Keycloak answered malformed JSON", e);
    }
  }

  private static String paging(long fromMillis, int first, int max) {
    return "?direction=asc&dateFrom=" + fromMillis + "&first=" + first + "&max=" + max;
  }

  /**
   * Events per request for this kind: as configured, but never more than our extension's {@code
   * server-events} resources give in a page (1,000). Asked for more, they would answer a full page
   * that reads as the last one, and a pull would stop short of master's later events.
   */
  int pageSize(String kind) {
    return filtersPages(kind) ? serverPageSize() : properties.pageSize();
  }

  private int serverPageSize() {
    return Math.min(properties.pageSize(), SERVER_PAGE_MAX);
  }

  /**
   * The username the account {@code userId} last logged in with, from Keycloak's event store (the
   * same {@code view-events} permission the ingest needs); empty when no login of it is stored.
   */
  Optional<String> lastLoginUsername(String userId) {
    String url =
        adminRealm
            + "/events?type=LOGIN&max=1&user="
            + URLEncoder.encode(userId, StandardCharsets.UTF_8);
    HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(url)), true);
    try {
      for (Object item : JSONArrayUtils.parse(response.body())) {
        @SuppressWarnings("unchecked")
        Map<String, Object> details =
            JSONObjectUtils.getJSONObject((Map<String, Object>) item, "details");
        return Optional.ofNullable(details == null ? null : (String) details.get("username"));
      }
      return Optional.empty();
    } catch (ParseException e) {
      throw new IllegalStateException("Keycloak answered malformed JSON", e);
    }
  }

  /**
   * The username of the account {@code userId} now, from our extension's {@code actors} resource
   * (same {@code view-events} permission); an administrator of the whole server, who signs in to
   * another realm, as {@code realm/username} ({@code /} is not allowed in a username, so this name
   * cannot be a local account's). Empty when Keycloak knows no such account, e.g. a deleted one.
   */
  Optional<String> accountUsername(String userId) {
    String url =
        issuer
            + "/yte-accounts/actors/"
            + URLEncoder.encode(userId, StandardCharsets.UTF_8).replace("+", "%20");
    HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(url)), true, 404);
    if (response.statusCode() == 404) {
      return Optional.empty();
    }
    try {
      Map<String, Object> actor = JSONObjectUtils.parse(response.body());
      String username = JSONObjectUtils.getString(actor, "username");
      String realm = JSONObjectUtils.getString(actor, "realm");
      return Optional.ofNullable(
          username == null || realmName.equals(realm) ? username : realm + "/" + username);
    } catch (ParseException e) {
      throw new IllegalStateException("Keycloak answered malformed JSON", e);
    }
  }

  /** The username a user event carries: the one typed at login, for the events that have it. */
  private static String username(Map<String, Object> json) throws ParseException {
    Map<String, Object> details = JSONObjectUtils.getJSONObject(json, "details");
    return details == null ? null : (String) details.get("username");
  }

  private static KeycloakEvent userEvent(Map<String, Object> json, String kind, String username)
      throws ParseException {
    Map<String, Object> details = JSONObjectUtils.getJSONObject(json, "details");
    String error = JSONObjectUtils.getString(json, "error");
    String type = JSONObjectUtils.getString(json, "type");
    return new KeycloakEvent(
        JSONObjectUtils.getString(json, "id"),
        kind,
        JSONObjectUtils.getLong(json, "time"),
        new AuditEvent(
            "KC_" + type,
            error == null ? "SUCCESS" : "ERROR",
            JSONObjectUtils.getString(json, "userId"),
            username,
            JSONObjectUtils.getString(json, "sessionId"),
            JSONObjectUtils.getString(json, "clientId"),
            JSONObjectUtils.getString(json, "ipAddress"),
            null,
            null,
            null,
            null,
            bounded((error == null ? "" : "error=" + error + " ") + sorted(details))));
  }

  /** One event of a page from master, which names master ({@code realm}). */
  private interface ServerEventReader {
    KeycloakEvent read(Map<String, Object> json, String realm) throws ParseException;
  }

  /**
   * An admin event; {@code realm} names the realm it was made in when that is not this one (the
   * resource path alone would read as this realm's).
   */
  private static KeycloakEvent adminEvent(Map<String, Object> json, String kind, String realm)
      throws ParseException {
    Map<String, Object> auth = JSONObjectUtils.getJSONObject(json, "authDetails");
    String error = JSONObjectUtils.getString(json, "error");
    String representation = JSONObjectUtils.getString(json, "representation");
    return new KeycloakEvent(
        JSONObjectUtils.getString(json, "id"),
        kind,
        JSONObjectUtils.getLong(json, "time"),
        new AuditEvent(
            "KC_ADMIN_" + JSONObjectUtils.getString(json, "operationType"),
            error == null ? "SUCCESS" : "ERROR",
            auth == null ? null : (String) auth.get("userId"),
            null,
            null,
            auth == null ? null : (String) auth.get("clientId"),
            auth == null ? null : (String) auth.get("ipAddress"),
            null,
            null,
            null,
            null,
            bounded(
                (realm == null ? "" : "realm=" + realm + " ")
                    + JSONObjectUtils.getString(json, "resourceType")
                    + " "
                    + JSONObjectUtils.getString(json, "resourcePath")
                    + (error == null ? "" : " error=" + error)
                    + (representation == null ? "" : " " + representation))));
  }

  private static String sorted(Map<String, Object> details) {
    return details == null ? "" : new TreeMap<>(details).toString();
  }

  private static String bounded(String s) {
    return s.length() <= DETAIL_MAX ? s : s.substring(0, DETAIL_MAX - 1) + "…";
  }

  /** A GET as the service account; any answer but 200 or {@code alsoAccepted} is an error. */
  private HttpResponse<String> send(
      HttpRequest.Builder request, boolean retryOn401, int... alsoAccepted) {
    try {
      HttpResponse<String> response =
          http.send(
              request.setHeader("Authorization", "Bearer " + token()).GET().build(),
              HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() == 401 && retryOn401) {
        tokenExpires = Instant.EPOCH;
        return send(request, false, alsoAccepted);
      }
      int status = response.statusCode();
      if (status != 200 && Arrays.stream(alsoAccepted).noneMatch(s -> s == status)) {
        throw new IllegalStateException("Keycloak: HTTP " + response.statusCode());
      }
      return response;
    } catch (IOException e) {
      throw new IllegalStateException("Keycloak unreachable: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private synchronized String token() throws IOException, InterruptedException {
    if (token != null && Instant.now().isBefore(tokenExpires)) {
      return token;
    }
    String form =
        "grant_type=client_credentials&client_id="
            + enc(properties.clientId())
            + "&client_secret="
            + enc(properties.clientSecret());
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(issuer + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IllegalStateException(
          "Service-account login refused: HTTP " + response.statusCode());
    }
    try {
      Map<String, Object> json = JSONObjectUtils.parse(response.body());
      token = JSONObjectUtils.getString(json, "access_token");
      long lifetime = JSONObjectUtils.getLong(json, "expires_in");
      tokenExpires = Instant.now().plusSeconds(Math.max(5, lifetime - 30));
      return token;
    } catch (ParseException e) {
      throw new IllegalStateException("Keycloak answered malformed JSON", e);
    }
  }

  private static String enc(String s) {
    return URLEncoder.encode(s == null ? "" : s, StandardCharsets.UTF_8);
  }
}
