package vn.yte.iam.keycloak.admin;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.keycloak.Config;
import org.keycloak.events.Event;
import org.keycloak.events.EventStoreProvider;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * LOG-1 for the server's own administrators: their sign-ins (and failed ones) happen in {@code
 * master}, and so do the changes that make, unmake or reset them, and a realm's audit service
 * cannot read master's events. A realm gets the sign-ins of the master accounts that administer it
 * ({@link EventActors#administrator}) and the changes to its administration ({@link
 * RealmAdministration}), and nothing else of master's, so its auditors learn nothing about the
 * administrators of other realms.
 */
public final class ServerAdminEvents {
  private ServerAdminEvents() {}

  /**
   * One page of master's user events stored at or after {@code fromMillis}, oldest first, paged
   * over all of master's events ({@code first}, {@code max}) and then reduced to this realm's
   * administrators. {@code scanned} and {@code newest} describe the page before it was reduced, so
   * that a reader moves on past events it was not shown instead of asking for them again.
   */
  public static Map<String, Object> page(
      KeycloakSession session, RealmModel realm, long fromMillis, int first, int max) {
    RealmModel master = master(session, realm);
    if (master == null) {
      return envelope(realm.getName(), 0, fromMillis, List.of());
    }
    List<Event> scanned =
        session
            .getProvider(EventStoreProvider.class)
            .createQuery()
            .realm(master.getId())
            .fromDate(fromMillis)
            .orderByAscTime()
            .firstResult(first)
            .maxResults(max)
            .getResultStream()
            .toList();
    Map<String, Optional<EventActors.Actor>> actors = new HashMap<>();
    List<Map<String, Object>> events = new ArrayList<>();
    long newest = fromMillis;
    for (Event e : scanned) {
      newest = Math.max(newest, e.getTime());
      if (e.getUserId() == null) {
        continue; // a failed sign-in with an unknown name: no account, no administrator
      }
      actors
          .computeIfAbsent(
              e.getUserId(), id -> EventActors.administrator(session, realm, master, id))
          .ifPresent(actor -> events.add(view(e, actor)));
    }
    return envelope(master.getName(), scanned.size(), newest, events);
  }

  /**
   * One page of master's admin events stored at or after {@code fromMillis}, oldest first, paged
   * like {@link #page} and reduced to the changes to this realm's administration: a master account
   * or group given or stripped of rights over the realm, and any change (a password reset, a
   * deletion, a member joining or leaving) to an account or a group that holds them, or once did
   * (rights granted in master's stored events, or changes made in this realm). In Keycloak's own
   * shape, as its admin-events list gives them.
   */
  public static Map<String, Object> changes(
      KeycloakSession session, RealmModel realm, long fromMillis, int first, int max) {
    RealmModel master = master(session, realm);
    ClientModel adminClient = realm.getMasterAdminClient();
    if (master == null || adminClient == null) {
      return envelope(realm.getName(), 0, fromMillis, List.of());
    }
    EventStoreProvider store = session.getProvider(EventStoreProvider.class);
    List<AdminEvent> scanned =
        store
            .createAdminQuery()
            .realm(master.getId())
            .fromTime(fromMillis)
            .orderByAscTime()
            .firstResult(first)
            .maxResults(max)
            .getResultStream()
            .toList();
    RightsHistory history = new RightsHistory(session, store, realm, master, adminClient);
    RealmAdministration administration = history.administration();
    RealmAdministration.Holders holders = history.holders();
    List<Map<String, Object>> events = new ArrayList<>();
    long newest = fromMillis;
    for (AdminEvent e : scanned) {
      newest = Math.max(newest, e.getTime());
      if (administration.concerns(e.getResourcePath(), e.getRepresentation(), holders)) {
        events.add(view(e));
      }
    }
    return envelope(master.getName(), scanned.size(), newest, events);
  }

  /** Master, unless the realm is master itself, whose own event store already has all this. */
  private static RealmModel master(KeycloakSession session, RealmModel realm) {
    RealmModel master = session.realms().getRealmByName(Config.getAdminRealm());
    return master == null || master.getId().equals(realm.getId()) ? null : master;
  }

  private static Map<String, Object> envelope(
      String realm, int scanned, long newest, List<Map<String, Object>> events) {
    Map<String, Object> page = new LinkedHashMap<>();
    page.put("realm", realm);
    page.put("scanned", scanned);
    page.put("newest", newest);
    page.put("events", events);
    return page;
  }

  private static Map<String, Object> view(AdminEvent e) {
    Map<String, Object> auth = new LinkedHashMap<>();
    if (e.getAuthDetails() != null) {
      auth.put("realmId", e.getAuthDetails().getRealmId());
      auth.put("clientId", e.getAuthDetails().getClientId());
      auth.put("userId", e.getAuthDetails().getUserId());
      auth.put("ipAddress", e.getAuthDetails().getIpAddress());
    }
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("id", e.getId());
    view.put("time", e.getTime());
    view.put("operationType", e.getOperationType().name());
    view.put("resourceType", e.getResourceTypeAsString());
    view.put("resourcePath", e.getResourcePath());
    view.put("representation", e.getRepresentation());
    view.put("error", e.getError());
    view.put("authDetails", auth);
    return view;
  }

  private static Map<String, Object> view(Event e, EventActors.Actor actor) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("id", e.getId());
    view.put("time", e.getTime());
    view.put("type", e.getType().name());
    view.put("userId", e.getUserId());
    view.put("username", actor.username());
    view.put("sessionId", e.getSessionId());
    view.put("clientId", e.getClientId());
    view.put("ipAddress", e.getIpAddress());
    view.put("error", e.getError());
    view.put("details", e.getDetails() == null ? Map.of() : e.getDetails());
    return view;
  }
}
