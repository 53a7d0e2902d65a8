package vn.yte.iam.keycloak.admin;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiPredicate;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.keycloak.Config;
import org.keycloak.events.Event;
import org.keycloak.events.EventStoreProvider;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.models.ClientModel;
import org.keycloak.models.GroupModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.utils.KeycloakModelUtils;

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
    List<RoleModel> rights = adminClient.getRolesStream().toList();
    RealmAdministration administration = administration(session, master, adminClient, rights);
    Predicate<String> group =
        new Memo(
            (parents, id) ->
                groupHeldRights(session, store, master, administration, rights, parents, id));
    Predicate<String> role =
        new Memo((unused, key) -> roleHeldRights(store, master, administration, key));
    RealmAdministration.Holders groupsAndRoles =
        new RealmAdministration.Holders(other -> false, group, role);
    Predicate<String> account =
        new Memo(
            (unused, id) ->
                administers(session, store, realm, master, administration, groupsAndRoles, id));
    RealmAdministration.Holders holders = new RealmAdministration.Holders(account, group, role);
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

  private static RealmAdministration administration(
      KeycloakSession session, RealmModel master, ClientModel adminClient, List<RoleModel> rights) {
    List<RoleModel> holding =
        master.getRolesStream().filter(r -> rights.stream().anyMatch(r::hasRole)).toList();
    return new RealmAdministration(
        adminClient.getId(),
        adminClient.getClientId(),
        holding.stream().map(RoleModel::getId).collect(Collectors.toSet()),
        holding.stream().map(RoleModel::getName).collect(Collectors.toSet()),
        session
            .groups()
            .getGroupsStream(master)
            .filter(g -> rights.stream().anyMatch(g::hasRole))
            .map(KeycloakModelUtils::buildGroupPath)
            .collect(Collectors.toSet()));
  }

  /**
   * Whether master account {@code id} administers the realm now, or once did: a change to it stored
   * in master's admin events gave it rights over the realm (directly, by an import naming them, or
   * through a group or a role that {@code groupsAndRoles} says holds or held them), or it made
   * changes in the realm. So the deletion or demotion of a former administrator is not lost.
   */
  private static boolean administers(
      KeycloakSession session,
      EventStoreProvider store,
      RealmModel realm,
      RealmModel master,
      RealmAdministration administration,
      RealmAdministration.Holders groupsAndRoles,
      String id) {
    if (EventActors.administrator(session, realm, master, id).isPresent()) {
      return true;
    }
    boolean granted =
        changesTo(store, master, "users/" + id)
            .anyMatch(
                e ->
                    administration.concerns(
                        e.getResourcePath(), e.getRepresentation(), groupsAndRoles));
    return granted
        || store
            .createAdminQuery()
            .realm(realm.getId())
            .authUser(id)
            .maxResults(1)
            .getResultStream()
            .findAny()
            .isPresent();
  }

  /**
   * Whether master group {@code id} holds a right over the realm now (itself or through a parent
   * group), or once did: a change to it stored in master's admin events gave it one, or it was made
   * (or moved) under a group that {@code parents} says held one. So deleting a whole group of
   * administrators, with its subgroups, or an account leaving one, is not lost.
   */
  private static boolean groupHeldRights(
      KeycloakSession session,
      EventStoreProvider store,
      RealmModel master,
      RealmAdministration administration,
      List<RoleModel> rights,
      Predicate<String> parents,
      String id) {
    GroupModel group = session.groups().getGroupById(master, id);
    if (group != null && rights.stream().anyMatch(group::hasRole)) {
      return true;
    }
    boolean granted =
        changesTo(store, master, "groups/" + id)
            .anyMatch(e -> administration.grantsRights(e.getResourcePath(), e.getRepresentation()));
    // Keycloak records a subgroup's creation, or a group's move, at groups/<parent>/children, with
    // the subgroup (its id quoted) as the representation.
    return granted
        || changesAt(store, master, "groups/*/children")
            .filter(
                e ->
                    e.getRepresentation() != null && e.getRepresentation().contains('"' + id + '"'))
            .map(e -> e.getResourcePath().split("/")[1])
            .anyMatch(parents);
  }

  /**
   * Whether the master realm role that paths name {@code key} (its id, or its name) once held a
   * right over the realm, by master's stored admin events: given one among its composites, or
   * written whole with one. A role that holds one now is known without this; this is for a role
   * deleted since, so its deletion and the accounts it was given to are not lost.
   */
  private static boolean roleHeldRights(
      EventStoreProvider store, RealmModel master, RealmAdministration administration, String key) {
    return Stream.of("roles-by-id/", "roles/", "realms/")
        .flatMap(kind -> changesTo(store, master, kind + key))
        .anyMatch(e -> administration.composesRights(e.getResourcePath(), e.getRepresentation()));
  }

  /**
   * Master's stored changes to {@code resource} ({@code users/<id>}, {@code roles/<name>}, ...)
   * itself or to anything under it ({@code users/<id>/role-mappings/realm}).
   */
  private static Stream<AdminEvent> changesTo(
      EventStoreProvider store, RealmModel master, String resource) {
    return changesAt(store, master, resource + "*")
        // A name is not an id: "roles/qt*" also finds "roles/qt-2".
        .filter(
            e ->
                e.getResourcePath().equals(resource)
                    || e.getResourcePath().startsWith(resource + "/"));
  }

  /** Master's stored changes at the paths {@code pattern} matches ({@code *}: any text). */
  private static Stream<AdminEvent> changesAt(
      EventStoreProvider store, RealmModel master, String pattern) {
    return store.createAdminQuery().realm(master.getId()).resourcePath(pattern).getResultStream();
  }

  /**
   * A yes-or-no worked out once per id within one page. An id asked again while its own answer is
   * being worked out (a group among its own parents) gets "no", so the question ends.
   */
  private static final class Memo implements Predicate<String> {
    private final Map<String, Boolean> answers = new HashMap<>();
    private final BiPredicate<Predicate<String>, String> answer;

    Memo(BiPredicate<Predicate<String>, String> answer) {
      this.answer = answer;
    }

    @Override
    public boolean test(String id) {
      Boolean known = answers.get(id);
      if (known == null) {
        answers.put(id, false);
        known = answer.test(this, id);
        answers.put(id, known);
      }
      return known;
    }
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
