package vn.yte.iam.mfa.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import vn.yte.iam.mfa.audit.AuditEvent;
import vn.yte.iam.mfa.security.TokenProperties;

/** Usernames for Keycloak events that name the account by id only (LOG-4, LOG-6). */
class KeycloakUsernamesTest {
  /**
   * Keycloak as the resolver sees it: its accounts and their last logins by account id, and what
   * was asked.
   */
  static final class FakeKeycloak extends KeycloakEventClient {
    final Map<String, String> accounts = new HashMap<>();
    final Map<String, String> lastLogins = new HashMap<>();
    final List<String> asked = new ArrayList<>();
    boolean down;

    FakeKeycloak() {
      super(
          new TokenProperties(
              "http://127.0.0.1:1/realms/yte-test", null, null, null, null, null, null),
          new IngestProperties(
              true, null, "mfa-service", "secret", Duration.ofSeconds(2), Duration.ZERO, 500));
    }

    @Override
    Optional<String> accountUsername(String userId) {
      return answer("account " + userId, accounts.get(userId));
    }

    @Override
    Optional<String> lastLoginUsername(String userId) {
      return answer("last login " + userId, lastLogins.get(userId));
    }

    private Optional<String> answer(String question, String username) {
      asked.add(question);
      if (down) {
        throw new IllegalStateException("Keycloak unreachable");
      }
      return Optional.ofNullable(username);
    }
  }

  final FakeKeycloak keycloak = new FakeKeycloak();
  final KeycloakUsernames usernames = new KeycloakUsernames(keycloak);

  static AuditEvent event(String type, String subject, String username) {
    return new AuditEvent(
        type,
        "SUCCESS",
        subject,
        username,
        "sid-1",
        "his-demo",
        "10.0.0.1",
        null,
        null,
        null,
        null,
        "");
  }

  @Test
  void aLogoutGetsTheUsernameOfTheLoginInTheSamePage() {
    List<AuditEvent> completed =
        usernames.complete(
            List.of(
                event("KC_LOGIN", "id-an", "bs.nguyenvanan"),
                event("KC_CODE_TO_TOKEN", "id-an", null),
                event("KC_LOGOUT", "id-an", null)));
    assertThat(completed).extracting(AuditEvent::actorUsername).containsOnly("bs.nguyenvanan");
    assertThat(keycloak.asked).isEmpty();
  }

  @Test
  void anAccountNotSeenYetIsLookedUpInKeycloakOnce() {
    keycloak.accounts.put("id-binh", "qt.tranthibinh");
    assertThat(usernames.complete(List.of(event("KC_ADMIN_CREATE", "id-binh", null))).get(0))
        .isEqualTo(event("KC_ADMIN_CREATE", "id-binh", "qt.tranthibinh"));
    usernames.complete(List.of(event("KC_ADMIN_UPDATE", "id-binh", null)));
    assertThat(keycloak.asked).containsExactly("account id-binh");
  }

  /** A server administrator signs in to master: this realm's logins do not know them. */
  @Test
  void aServerAdministratorIsNamedAsKeycloakNamesThem() {
    keycloak.accounts.put("id-root", "master/quantri.maychu");
    assertThat(usernames.complete(List.of(event("KC_ADMIN_UPDATE", "id-root", null))).get(0))
        .extracting(AuditEvent::actorUsername)
        .isEqualTo("master/quantri.maychu");
    assertThat(keycloak.asked).containsExactly("account id-root");
  }

  @Test
  void aDeletedAccountIsNamedByItsLastLogin() {
    keycloak.lastLogins.put("id-gone", "bs.danghiviec");
    assertThat(usernames.complete(List.of(event("KC_LOGOUT", "id-gone", null))).get(0))
        .extracting(AuditEvent::actorUsername)
        .isEqualTo("bs.danghiviec");
    // An account Keycloak knows nothing of is asked about once too, and stays unnamed.
    usernames.complete(List.of(event("KC_ADMIN_DELETE", "id-unknown", null)));
    assertThat(usernames.complete(List.of(event("KC_ADMIN_DELETE", "id-unknown", null))).get(0))
        .extracting(AuditEvent::actorUsername)
        .isNull();
    assertThat(keycloak.asked)
        .containsExactly(
            "account id-gone", "last login id-gone", "account id-unknown", "last login id-unknown");
  }

  @Test
  void whileKeycloakCannotSayTheEventIsKeptUnderTheIdAndAskedAgainLater() {
    keycloak.accounts.put("id-binh", "qt.tranthibinh");
    keycloak.down = true;
    AuditEvent event = event("KC_ADMIN_CREATE", "id-binh", null);
    assertThat(usernames.complete(List.of(event))).containsExactly(event);
    keycloak.down = false;
    assertThat(usernames.complete(List.of(event)).get(0).actorUsername())
        .isEqualTo("qt.tranthibinh");
  }

  @Test
  void eventsWithoutAnAccountAreLeftAlone() {
    AuditEvent anonymous = event("KC_LOGIN_ERROR", null, null);
    assertThat(usernames.complete(List.of(anonymous))).containsExactly(anonymous);
    assertThat(keycloak.asked).isEmpty();
  }
}
