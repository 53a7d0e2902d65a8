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
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * LOG-1 for the server's own administrators: their sign-ins (and failed ones) happen in {@code
 * master}, whose events a realm's audit service cannot read. A realm gets the events of the master
 * accounts that administer it ({@link EventActors#administrator}), and of no other, so its auditors
 * learn nothing about the administrators of other realms.
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
    RealmModel master = session.realms().getRealmByName(Config.getAdminRealm());
    Map<String, Object> page = new LinkedHashMap<>();
    if (master == null || master.getId().equals(realm.getId())) {
      // The realm is master itself: its own event store already has these.
      page.put("realm", realm.getName());
      page.put("scanned", 0);
      page.put("newest", fromMillis);
      page.put("events", List.of());
      return page;
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
    page.put("realm", master.getName());
    page.put("scanned", scanned.size());
    page.put("newest", newest);
    page.put("events", events);
    return page;
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
