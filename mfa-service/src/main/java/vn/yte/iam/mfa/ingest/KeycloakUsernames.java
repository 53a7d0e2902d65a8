package vn.yte.iam.mfa.ingest;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import vn.yte.iam.mfa.audit.AuditEvent;

/**
 * Puts the username on Keycloak events that name the account by id only: logouts, code-to-token
 * (the systems a user reached), refreshes and every admin event. Without it an auditor's per-user
 * trail (LOG-6) showed a user's logins but not which systems they went on to, nor an
 * administrator's changes (LOG-4). Usernames are learnt from the events that carry them, otherwise
 * asked of Keycloak (which also knows the server's administrators, who sign in to {@code master}),
 * and for an account deleted since, taken from its last login in Keycloak's event store.
 */
@Component
class KeycloakUsernames {
  /** Accounts remembered at most; at the limit the memory is emptied and refills. */
  static final int KEPT = 10_000;

  private static final Logger log = LoggerFactory.getLogger(KeycloakUsernames.class);

  private final KeycloakEventClient keycloak;
  private final Map<String, Optional<String>> known = new ConcurrentHashMap<>();

  KeycloakUsernames(KeycloakEventClient keycloak) {
    this.keycloak = keycloak;
  }

  /** The events, each with its account's username where Keycloak left it out. */
  List<AuditEvent> complete(List<AuditEvent> events) {
    for (AuditEvent e : events) {
      if (e.actorSubject() != null && e.actorUsername() != null) {
        remember(e.actorSubject(), Optional.of(e.actorUsername()));
      }
    }
    return events.stream().map(this::complete).toList();
  }

  private AuditEvent complete(AuditEvent e) {
    if (e.actorSubject() == null || e.actorUsername() != null) {
      return e;
    }
    Optional<String> username = known.get(e.actorSubject());
    if (username == null) {
      try {
        username = keycloak.accountUsername(e.actorSubject());
        if (username.isEmpty()) {
          username = keycloak.lastLoginUsername(e.actorSubject());
        }
      } catch (RuntimeException unavailable) {
        // The event is recorded anyway, under the account's id; only the name is missing.
        log.warn(
            "Username of Keycloak account {} not found: {}",
            e.actorSubject(),
            unavailable.getMessage());
        return e;
      }
      remember(e.actorSubject(), username);
    }
    return username.map(e::withActorUsername).orElse(e);
  }

  private void remember(String subject, Optional<String> username) {
    if (known.size() >= KEPT) {
      known.clear();
    }
    known.put(subject, username);
  }
}
