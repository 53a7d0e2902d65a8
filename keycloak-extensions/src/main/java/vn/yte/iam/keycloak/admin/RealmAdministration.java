package vn.yte.iam.keycloak.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Set;
import java.util.function.Predicate;

/**
 * What marks a realm's administration inside {@code master}, and whether a change made there (a
 * master admin event) concerns it. Judged by what was changed, never by who changed it: a server
 * administrator of every realm who creates an administrator for another hospital changes nothing of
 * this realm's, and its auditors must not learn of it.
 *
 * @param clientId id of the realm's management client in master, whose roles are the rights over
 *     the realm
 * @param clientName the same client's name ({@code <realm>-realm}), by which an imported account or
 *     group is given those rights
 * @param roleIds ids of master's realm roles that hold any of those rights (such as {@code admin})
 * @param roleNames the names of the same roles
 * @param groupPaths paths of master's groups that hold any of those rights now (such as {@code
 *     /Quản trị}), by which an imported account is put in one
 */
record RealmAdministration(
    String clientId,
    String clientName,
    Set<String> roleIds,
    Set<String> roleNames,
    Set<String> groupPaths) {

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * Who held rights over the realm, as far as master and its stored events tell: accounts of master
   * by id, groups by id or by path (a partial import names them by path, which starts with {@code
   * /}), and realm roles by id ({@code roles}) and by name ({@code roleNames}), as paths and
   * representations carry them.
   */
  record Holders(
      Predicate<String> accounts,
      Predicate<String> groups,
      Predicate<String> roles,
      Predicate<String> roleNames) {}

  /**
   * Whether the change at {@code path} (Keycloak's resource path in master), with its {@code
   * representation} (may be null), concerns the realm's administration: a grant, revocation or
   * redefinition of the management client's roles or of a role that holds them; any change to an
   * account, a group or a role that {@code holders} says holds or held rights over the realm, such
   * as its deletion; an account joining or leaving such a group, or given or stripped of such a
   * role.
   */
  boolean concerns(String path, String representation, Holders holders) {
    if (path == null) {
      return false;
    }
    if (grantsRights(path, representation, holders)) {
      return true;
    }
    String[] segments = path.split("/");
    if (segments.length < 2) {
      return false;
    }
    return switch (segments[0]) {
      case "users" ->
          holders.accounts().test(segments[1])
              || segments.length > 3
                  && segments[2].equals("groups")
                  && holders.groups().test(segments[3]);
      case "groups" -> holders.groups().test(segments[1]);
      // "realms/<id>" is where a partial import records a realm role it writes.
      case "roles-by-id", "realms" ->
          roleIds.contains(segments[1]) || holders.roles().test(segments[1]);
      case "roles" -> roleNames.contains(segments[1]) || holders.roleNames().test(segments[1]);
      default -> false;
    };
  }

  /**
   * Rights over the realm granted, revoked or changed: a path through the management client (its
   * roles, to an account or to a group); a role of master that holds them mapped to an account or a
   * group, which the representation lists by id (ids are UUIDs, quoted in the JSON, so a match is
   * that id and no other); or an account, a group or a role written whole, as a partial import
   * writes each one, with those rights named in it (or a group or a role that {@code holders} says
   * held them, by path or by name).
   */
  boolean grantsRights(String path, String representation, Holders holders) {
    if (path == null) {
      return false;
    }
    if (path.contains(clientId)) {
      return true;
    }
    if (representation == null) {
      return false;
    }
    if (path.endsWith("/role-mappings/realm")) {
      return listsHoldingRole(representation) || anyRole(representation, holders.roles());
    }
    String[] segments = path.split("/");
    return segments.length == 2 && namesRights(segments[0], representation, holders);
  }

  /**
   * Whether the change at {@code path} gave a realm role of master (at {@code roles/<name>}, {@code
   * roles-by-id/<id>} or, from a partial import, {@code realms/<id>}) a right over the realm: a
   * role of the management client, or one that holds such a right, added among its composites (the
   * representation lists them, with their ids and their client's id), or the role written whole
   * with such a right among its composites; a role {@code holders} says held one counts as holding
   * it.
   */
  boolean composesRights(String path, String representation, Holders holders) {
    if (path == null || representation == null) {
      return false;
    }
    if (path.endsWith("/composites")) {
      return representation.contains('"' + clientId + '"')
          || listsHoldingRole(representation)
          || anyRole(representation, holders.roles());
    }
    String[] segments = path.split("/");
    return segments.length == 2
        && (segments[0].equals("roles") || segments[0].equals("realms"))
        && namesRights("realms", representation, holders);
  }

  /**
   * Whether a list of roles names, by id, a role of master that holds rights over the realm. Ids
   * are UUIDs, quoted in the JSON, so a match is that id and no other.
   */
  private boolean listsHoldingRole(String representation) {
    return roleIds.stream().anyMatch(id -> representation.contains('"' + id + '"'));
  }

  /** Whether a list of realm roles (a role-mapping change) holds one that {@code roles} knows. */
  private static boolean anyRole(String representation, Predicate<String> roles) {
    JsonNode node = read(representation);
    if (node == null || !node.isArray()) {
      return false;
    }
    for (JsonNode role : node) {
      String id = role.path("id").asText(null);
      if (id != null && roles.test(id)) {
        return true;
      }
    }
    return false;
  }

  /** The representation as JSON, or null where there is none or it is not JSON. */
  static JsonNode read(String representation) {
    if (representation == null) {
      return null;
    }
    try {
      return JSON.readTree(representation);
    } catch (JsonProcessingException e) {
      return null; // not a representation these rules can read; the path-based rules still apply
    }
  }

  /**
   * Whether a representation written whole under {@code kind} ({@code users/<id>}, {@code
   * groups/<id>}, or {@code realms/<id>}, where a partial import records a realm role) names a
   * right over the realm: for an account or a group, a holding role among its {@code realmRoles} or
   * a role of the management client among its {@code clientRoles}, and for an account also a
   * holding group among its {@code groups} (by path); for a role, the same among its {@code
   * composites}. A role or group holds a right if it does now, or if {@code holders} says it did.
   */
  private boolean namesRights(String kind, String representation, Holders holders) {
    JsonNode node = read(representation);
    if (node == null || !node.isObject()) {
      return false;
    }
    return switch (kind) {
      case "users" ->
          names(node.path("realmRoles"), node.path("clientRoles"), holders)
              || anyOf(
                  node.path("groups"),
                  path -> nowOrOnce(groupPaths, holders.groups()).test(groupPath(path)));
      case "groups" -> names(node.path("realmRoles"), node.path("clientRoles"), holders);
      case "realms" ->
          names(
              node.path("composites").path("realm"),
              node.path("composites").path("client"),
              holders);
      default -> false;
    };
  }

  private boolean names(JsonNode realmRoles, JsonNode clientRoles, Holders holders) {
    JsonNode rights = clientRoles.path(clientName);
    return anyOf(realmRoles, nowOrOnce(roleNames, holders.roleNames()))
        || rights.isArray() && !rights.isEmpty();
  }

  /**
   * A group's path as Keycloak reads one an import names: with a leading {@code /} and without a
   * trailing one, as {@code KeycloakModelUtils.normalizeGroupPath} does. That class is not called
   * here: loading it needs the server's transaction classes, and these rules stand alone.
   */
  private static String groupPath(String named) {
    String path = named.startsWith("/") ? named : "/" + named;
    return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
  }

  /** Names of those holding rights now, or that {@code once} says held them. */
  private static Predicate<String> nowOrOnce(Set<String> now, Predicate<String> once) {
    return name -> now.contains(name) || once.test(name);
  }

  private static boolean anyOf(JsonNode names, Predicate<String> wanted) {
    for (JsonNode name : names) {
      if (name.isTextual() && wanted.test(name.asText())) {
        return true;
      }
    }
    return false;
  }
}
