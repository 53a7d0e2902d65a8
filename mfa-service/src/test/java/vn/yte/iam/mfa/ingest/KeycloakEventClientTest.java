package vn.yte.iam.mfa.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.yte.iam.mfa.security.TokenProperties;

/**
 * The client of Keycloak's admin API and our {@code actors} resource, against a stand-in that
 * answers as Keycloak does: naming accounts of the realm and of master, and a token refused once.
 */
class KeycloakEventClientTest {
  static final String REALM = "/realms/yte-test";

  HttpServer keycloak;
  final AtomicInteger tokensIssued = new AtomicInteger();

  /** Access tokens Keycloak no longer accepts (as after its sessions were cleared). */
  final List<String> revoked = new CopyOnWriteArrayList<>();

  /** The Authorization headers of each actors request, in order. */
  final List<List<String>> authorizations = new CopyOnWriteArrayList<>();

  /** Path of an actors request to its answer: status and body. */
  final Map<String, Map.Entry<Integer, String>> actors = new ConcurrentHashMap<>();

  /** The answer to every server-events request, and the query strings asked. */
  volatile String serverEvents = "";

  final List<String> serverEventQueries = new CopyOnWriteArrayList<>();

  /** The answer to every server-admin-events request. */
  volatile String serverAdminEvents = "";

  KeycloakEventClient client;

  @BeforeEach
  void start() throws IOException {
    keycloak = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 8);
    keycloak.createContext(
        REALM + "/protocol/openid-connect/token",
        exchange ->
            answer(
                exchange,
                200,
                "{\"access_token\":\"token-"
                    + tokensIssued.incrementAndGet()
                    + "\",\"expires_in\":300}"));
    keycloak.createContext(
        REALM + "/yte-accounts/actors/",
        exchange -> {
          List<String> auth = exchange.getRequestHeaders().get("Authorization");
          authorizations.add(auth);
          if (auth.stream().anyMatch(a -> revoked.contains(a.substring("Bearer ".length())))) {
            answer(exchange, 401, "");
            return;
          }
          var reply =
              actors.getOrDefault(exchange.getRequestURI().getRawPath(), Map.entry(404, ""));
          answer(exchange, reply.getKey(), reply.getValue());
        });
    keycloak.createContext(
        REALM + "/yte-accounts/server-events",
        exchange -> {
          serverEventQueries.add(exchange.getRequestURI().getRawQuery());
          answer(exchange, 200, serverEvents);
        });
    keycloak.createContext(
        REALM + "/yte-accounts/server-admin-events",
        exchange -> answer(exchange, 200, serverAdminEvents));
    keycloak.start();
    String issuer = "http://127.0.0.1:" + keycloak.getAddress().getPort() + REALM;
    client =
        new KeycloakEventClient(
            new TokenProperties(issuer, null, null, null, null, null, null),
            new IngestProperties(
                true, null, "mfa-service", "secret", Duration.ofSeconds(2), Duration.ZERO, 500));
  }

  @AfterEach
  void stop() {
    keycloak.stop(0);
  }

  private static void answer(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private void actor(String id, int status, String body) {
    actors.put(REALM + "/yte-accounts/actors/" + id, Map.entry(status, body));
  }

  @Test
  void anAccountOfTheRealmIsNamedByItsUsername() {
    actor("id-an", 200, "{\"username\":\"bs.nguyenvanan\",\"realm\":\"yte-test\"}");
    assertThat(client.accountUsername("id-an")).contains("bs.nguyenvanan");
  }

  /** LOG-4: a server administrator's changes are theirs, and never a local account's. */
  @Test
  void aServerAdministratorIsNamedWithTheirRealm() {
    actor("id-root", 200, "{\"username\":\"bs.nguyenvanan\",\"realm\":\"master\"}");
    assertThat(client.accountUsername("id-root")).contains("master/bs.nguyenvanan");
  }

  @Test
  void anAccountKeycloakDoesNotKnowHasNoName() {
    assertThat(client.accountUsername("id-gone")).isEqualTo(Optional.empty());
  }

  @Test
  void anyOtherAnswerIsAnErrorNotAnAbsentName() {
    actor("id-an", 403, "");
    assertThatThrownBy(() -> client.accountUsername("id-an"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("403");
  }

  @Test
  void anIdIsSentAsOnePathSegment() {
    actor("a%2Fb%20c", 200, "{\"username\":\"x.y\",\"realm\":\"yte-test\"}");
    assertThat(client.accountUsername("a/b c")).contains("x.y");
  }

  /** A token Keycloak stops accepting is replaced, and the retry carries the new one only. */
  @Test
  void aRefusedTokenIsReplacedOnce() {
    actor("id-an", 200, "{\"username\":\"bs.nguyenvanan\",\"realm\":\"yte-test\"}");
    assertThat(client.accountUsername("id-an")).contains("bs.nguyenvanan");
    revoked.add("token-1");
    assertThat(client.accountUsername("id-an")).contains("bs.nguyenvanan");
    assertThat(authorizations)
        .containsExactly(
            List.of("Bearer token-1"), List.of("Bearer token-1"), List.of("Bearer token-2"));
  }

  /**
   * LOG-1: master's events are never asked for in pages larger than our resource gives (1,000): a
   * full page of 1,000 would read as the last, and a pull would stop short of master's later
   * events.
   */
  @Test
  void pagesOfMastersEventsAreNeverAskedLargerThanOurResourceGives() {
    String issuer = "http://127.0.0.1:" + keycloak.getAddress().getPort() + REALM;
    KeycloakEventClient large =
        new KeycloakEventClient(
            new TokenProperties(issuer, null, null, null, null, null, null),
            new IngestProperties(
                true, null, "mfa-service", "secret", Duration.ofSeconds(2), Duration.ZERO, 2000));
    serverEvents = "{\"realm\":\"master\",\"scanned\":0,\"newest\":5,\"events\":[]}";

    large.page("SERVER", 5, 0);

    assertThat(serverEventQueries).containsExactly("direction=asc&dateFrom=5&first=0&max=1000");
    assertThat(large.pageSize("SERVER")).isEqualTo(1000);
    assertThat(large.pageSize("SERVER_ADMIN")).isEqualTo(1000);
    assertThat(large.pageSize("USER")).isEqualTo(2000);
    assertThat(client.pageSize("SERVER")).isEqualTo(500);
  }

  /**
   * LOG-1: a server administrator's sign-in, from master, is recorded under {@code master/} and
   * their username, never under a local account's name; the page says how far Keycloak read.
   */
  @Test
  void aServerAdministratorsSignInIsTheirsUnderTheirRealm() {
    serverEvents =
        """
        {"realm":"master","scanned":3,"newest":1795500002000,"events":[
          {"id":"ev-1","time":1795500001000,"type":"LOGIN_ERROR","userId":"id-root",
           "username":"bs.nguyenvanan","sessionId":null,"clientId":"security-admin-console",
           "ipAddress":"10.1.2.3","error":"invalid_user_credentials",
           "details":{"username":"bs.nguyenvanan","auth_method":"openid-connect"}}]}
        """;

    EventPage page = client.page("SERVER", 1795500000000L, 500);

    assertThat(serverEventQueries)
        .containsExactly("direction=asc&dateFrom=1795500000000&first=500&max=500");
    assertThat(page.scanned()).isEqualTo(3);
    assertThat(page.newest()).isEqualTo(1795500002000L);
    assertThat(page.events()).hasSize(1);
    KeycloakEvent e = page.events().get(0);
    assertThat(e.id()).isEqualTo("ev-1");
    assertThat(e.kind()).isEqualTo("SERVER");
    assertThat(e.event().type()).isEqualTo("KC_LOGIN_ERROR");
    assertThat(e.event().outcome()).isEqualTo("ERROR");
    assertThat(e.event().actorUsername()).isEqualTo("master/bs.nguyenvanan");
    assertThat(e.event().clientId()).isEqualTo("security-admin-console");
    assertThat(e.event().detail()).startsWith("error=invalid_user_credentials");
  }

  @Test
  void aServerEventsPageWithoutItsEventsIsAnError() {
    serverEvents = "{\"scanned\":0,\"newest\":0}";
    assertThatThrownBy(() -> client.page("SERVER", 0, 0))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("without realm or events");
  }

  /**
   * LOG-1: a change made in master to the realm's administration is recorded as an admin event
   * whose detail says it was made in master: its resource path alone would read as this realm's.
   */
  @Test
  void aChangeMadeInMasterSaysSo() {
    serverAdminEvents =
        """
        {"realm":"master","scanned":7,"newest":1795500009000,"events":[
          {"id":"adm-1","time":1795500008000,"operationType":"CREATE",
           "resourceType":"CLIENT_ROLE_MAPPING",
           "resourcePath":"users/id-new/role-mappings/clients/id-demo-realm",
           "representation":"[{\\\"name\\\":\\\"manage-users\\\"}]","error":null,
           "authDetails":{"realmId":"id-master","clientId":"id-console","userId":"id-root",
                          "ipAddress":"10.1.2.3"}}]}
        """;

    EventPage page = client.page("SERVER_ADMIN", 0, 0);

    assertThat(page.scanned()).isEqualTo(7);
    assertThat(page.newest()).isEqualTo(1795500009000L);
    KeycloakEvent e = page.events().get(0);
    assertThat(e.kind()).isEqualTo("SERVER_ADMIN");
    assertThat(e.event().type()).isEqualTo("KC_ADMIN_CREATE");
    assertThat(e.event().actorSubject()).isEqualTo("id-root");
    assertThat(e.event().actorUsername()).isNull(); // named later, as every admin event's actor
    assertThat(e.event().detail())
        .isEqualTo(
            "realm=master CLIENT_ROLE_MAPPING users/id-new/role-mappings/clients/id-demo-realm"
                + " [{\"name\":\"manage-users\"}]");
  }
}
