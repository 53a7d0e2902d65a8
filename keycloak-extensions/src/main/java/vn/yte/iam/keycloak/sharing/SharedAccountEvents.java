package vn.yte.iam.keycloak.sharing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.keycloak.events.Event;
import org.keycloak.events.EventStoreProvider;
import org.keycloak.events.EventType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/** Reads ACC-3 detections back from Keycloak's event store, newest first. */
public final class SharedAccountEvents {
  /** Events scanned per request: detections are rare among logins, and the list is paged. */
  private static final int SCAN = 5000;

  private SharedAccountEvents() {}

  public static List<Map<String, Object>> since(
      KeycloakSession session, RealmModel realm, long fromMillis, int max) {
    return session
        .getProvider(EventStoreProvider.class)
        .createQuery()
        .realm(realm.getId())
        .type(EventType.LOGIN, EventType.LOGIN_ERROR)
        .fromDate(fromMillis)
        .orderByDescTime()
        .maxResults(SCAN)
        .getResultStream()
        .filter(e -> e.getDetails() != null)
        .filter(e -> e.getDetails().containsKey(SharedAccountAuthenticator.SIGNALS_DETAIL))
        .limit(max)
        .map(SharedAccountEvents::view)
        .toList();
  }

  private static Map<String, Object> view(Event e) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("time", e.getTime());
    view.put("type", e.getType().name());
    view.put("userId", e.getUserId());
    view.put("sessionId", e.getSessionId());
    view.put("ipAddress", e.getIpAddress());
    view.put("clientId", e.getClientId());
    view.put("signals", e.getDetails().get(SharedAccountAuthenticator.SIGNALS_DETAIL));
    view.put("action", e.getDetails().get(SharedAccountAuthenticator.ACTION_DETAIL));
    view.put(
        "otherAddresses", e.getDetails().get(SharedAccountAuthenticator.OTHER_ADDRESSES_DETAIL));
    view.put(
        "terminatedSessions",
        e.getDetails().get(SharedAccountAuthenticator.TERMINATED_SESSIONS_DETAIL));
    view.put("username", e.getDetails().get("username"));
    return view;
  }
}
