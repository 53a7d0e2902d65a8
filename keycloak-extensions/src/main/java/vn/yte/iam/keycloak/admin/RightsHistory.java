package vn.yte.iam.keycloak.admin;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.keycloak.events.EventStoreProvider;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.models.ClientModel;
import org.keycloak.models.GroupModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * Who holds rights over a realm in {@code master}, or once did, as master and its stored admin
 * events tell: accounts, groups and realm roles. Rights taken away, or whose holder was deleted,
 * before the audit service read are not lost this way. Made for one page of master's changes; each
 * answer is worked out once per id within it.
 */
final class RightsHistory {
  private final KeycloakSession session;
  private final EventStoreProvider store;
  private final RealmModel realm;
  private final RealmModel master;
  private final List<RoleModel> rights;
  private final RealmAdministration administration;
  private final Predicate<String> roles = new Memo(this::roleHeldRights);
  private final Predicate<String> roleNames = new Memo(this::namedRoleHeldRights);
  private final Predicate<String> groups = new Memo(this::groupHeldRights);
  private final Predicate<String> accounts = new Memo(this::administers);
  // The same memos seen three ways: all holders, holders that are not accounts, roles alone.
  private final RealmAdministration.Holders holders =
      new RealmAdministration.Holders(accounts, groups, roles, roleNames);
  private final RealmAdministration.Holders groupsAndRoles =
      new RealmAdministration.Holders(none -> false, groups, roles, roleNames);
  private final RealmAdministration.Holders byRole =
      new RealmAdministration.Holders(none -> false, none -> false, roles, roleNames);
  private GroupAndRoleChanges groupAndRoleChanges;
  private RecordedNames names;

  /**
   * @param adminClient the realm's management client in master, whose roles are the rights over the
   *     realm
   */
  RightsHistory(
      KeycloakSession session,
      EventStoreProvider store,
      RealmModel realm,
      RealmModel master,
      ClientModel adminClient) {
    this.session = session;
    this.store = store;
    this.realm = realm;
    this.master = master;
    this.rights = adminClient.getRolesStream().toList();
    this.administration = administration(adminClient);
  }

  /** What marks the realm's administration in master now. */
  RealmAdministration administration() {
    return administration;
  }

  /** Accounts, groups and roles that hold rights over the realm, or once did. */
  RealmAdministration.Holders holders() {
    return holders;
  }

  private RealmAdministration administration(ClientModel adminClient) {
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
   * through a group or a role that holds or held them), or it made changes in the realm. So the
   * deletion or demotion of a former administrator is not lost.
   */
  private boolean administers(String id) {
    if (EventActors.administrator(session, realm, master, id).isPresent()) {
      return true;
    }
    boolean granted =
        changesToAccount(id)
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
   * Whether the master group that {@code key} names (its id, or a path, as a partial import names
   * it) holds a right over the realm now (itself or through a parent group), or once did: a change
   * to it stored in master's admin events gave it one (or a role that held one), or it was made (or
   * moved) under a group that held one. A path counts if the group there now, or any group the
   * events place there, held one. So deleting a whole group of administrators, with its subgroups,
   * or an account leaving one, or imported into one, is not lost.
   */
  private boolean groupHeldRights(String key) {
    if (key.startsWith("/")) {
      GroupModel there = KeycloakModelUtils.findGroupByPath(session, master, key);
      return there != null && groups.test(there.getId())
          || names().groupsAt(key).stream().anyMatch(groups);
    }
    GroupModel group = session.groups().getGroupById(master, key);
    if (group != null && rights.stream().anyMatch(group::hasRole)) {
      return true;
    }
    boolean granted =
        groupAndRoleChanges()
            .to("groups/" + key)
            .anyMatch(
                e ->
                    administration.grantsRights(
                        e.getResourcePath(), e.getRepresentation(), byRole));
    // Keycloak records a subgroup's creation, or a group's move, at groups/<parent>/children, with
    // the subgroup (its id quoted) as the representation.
    return granted
        || groupAndRoleChanges()
            .children()
            .filter(
                e ->
                    e.getRepresentation() != null
                        && e.getRepresentation().contains('"' + key + '"'))
            .map(e -> e.getResourcePath().split("/")[1])
            .anyMatch(groups);
  }

  /**
   * Whether master realm role {@code id} once held a right over the realm, by master's stored admin
   * events: given one among its composites (at its id, or at its name: its name now or, once it is
   * deleted, any name the events gave it), written whole with one, or given a role that held one. A
   * role that holds one now is known without this; this is for a role deleted or stripped since, so
   * its deletion and the accounts and groups it was given to are not lost.
   */
  private boolean roleHeldRights(String id) {
    if (composedRights(Stream.of("roles-by-id/" + id, "realms/" + id))) {
      return true;
    }
    RoleModel role = master.getRoleById(id);
    Set<String> named = role != null ? Set.of(role.getName()) : names().namesOfRole(id);
    return composedRights(named.stream().map(name -> "roles/" + name));
  }

  /**
   * Whether the master realm role that an import or a path names {@code name} held a right over the
   * realm: given one at that name, or the role of that name now, or any role the events gave that
   * name, held one.
   */
  private boolean namedRoleHeldRights(String name) {
    if (composedRights(Stream.of("roles/" + name))) {
      return true;
    }
    RoleModel role = master.getRole(name);
    return role != null && roles.test(role.getId())
        || names().rolesNamed(name).stream().anyMatch(roles);
  }

  /** Whether a stored change at one of {@code resources}, or under it, gave a role a right. */
  private boolean composedRights(Stream<String> resources) {
    return resources
        .flatMap(groupAndRoleChanges()::to)
        .anyMatch(
            e -> administration.composesRights(e.getResourcePath(), e.getRepresentation(), byRole));
  }

  /** What master's stored changes to groups and realm roles named them; read on first use. */
  private RecordedNames names() {
    if (names == null) {
      boolean escaped = KeycloakModelUtils.escapeSlashesInGroupPath(session);
      names =
          RecordedNames.of(
              groupAndRoleChanges().all(),
              chain -> KeycloakModelUtils.buildGroupPath(escaped, chain.toArray(String[]::new)));
    }
    return names;
  }

  /** Master's stored changes to its groups and realm roles; read on first use. */
  private GroupAndRoleChanges groupAndRoleChanges() {
    if (groupAndRoleChanges == null) {
      groupAndRoleChanges =
          new GroupAndRoleChanges(
              GroupAndRoleChanges.PATTERNS.stream().flatMap(this::changesAt).toList());
    }
    return groupAndRoleChanges;
  }

  /**
   * Master's stored changes to account {@code id} itself or to anything under it ({@code
   * users/<id>/role-mappings/realm}).
   */
  private Stream<AdminEvent> changesToAccount(String id) {
    String resource = "users/" + id;
    return changesAt(resource + "*")
        .filter(
            e ->
                e.getResourcePath().equals(resource)
                    || e.getResourcePath().startsWith(resource + "/"));
  }

  /** Master's stored changes at the paths {@code pattern} matches ({@code *}: any text). */
  private Stream<AdminEvent> changesAt(String pattern) {
    return store.createAdminQuery().realm(master.getId()).resourcePath(pattern).getResultStream();
  }

  /**
   * A yes-or-no worked out once per id. An id asked again while its own answer is being worked out
   * (a group among its own parents) gets "no", so the question ends.
   */
  private static final class Memo implements Predicate<String> {
    private final Map<String, Boolean> answers = new HashMap<>();
    private final Predicate<String> answer;

    Memo(Predicate<String> answer) {
      this.answer = answer;
    }

    @Override
    public boolean test(String id) {
      Boolean known = answers.get(id);
      if (known == null) {
        answers.put(id, false);
        known = answer.test(id);
        answers.put(id, known);
      }
      return known;
    }
  }
}
