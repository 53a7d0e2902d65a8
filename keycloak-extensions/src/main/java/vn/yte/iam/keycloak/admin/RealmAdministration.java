package vn.yte.iam.keycloak.admin;

import java.util.Set;
import java.util.function.Predicate;

/**
 * What marks a realm's administration inside {@code master}, and whether a change made there (a
 * master admin event) concerns it. Judged by what was changed, never by who changed it: a server
 * administrator of every realm who creates an administrator for another hospital changes nothing of
 * this realm's, and its auditors must not learn of it.
 *
 * @param clientId id of the realm's management client in master ({@code <realm>-realm}), whose
 *     roles are the rights over the realm
 * @param roleIds ids of master's realm roles that hold any of those rights (such as {@code admin})
 * @param roleNames the names of the same roles
 */
record RealmAdministration(String clientId, Set<String> roleIds, Set<String> roleNames) {

  /**
   * Whether the change at {@code path} (Keycloak's resource path in master), with its {@code
   * representation} (may be null), concerns the realm's administration: a grant, revocation or
   * redefinition of the management client's roles or of a role that holds them, or any change to an
   * account that {@code administrator} says administers or administered the realm.
   */
  boolean concerns(String path, String representation, Predicate<String> administrator) {
    if (path == null) {
      return false;
    }
    if (grantsRights(path, representation)) {
      return true;
    }
    String[] segments = path.split("/");
    if (segments.length > 1) {
      switch (segments[0]) {
        case "users":
          if (administrator.test(segments[1])) {
            return true;
          }
          break;
        case "roles-by-id":
          if (roleIds.contains(segments[1])) {
            return true;
          }
          break;
        case "roles":
          if (roleNames.contains(segments[1])) {
            return true;
          }
          break;
        default:
          break;
      }
    }
    return false;
  }

  /**
   * Rights over the realm granted, revoked or changed: a path through the management client (its
   * roles, to an account or to a group), or a role of master that holds them mapped to an account
   * or a group, which the representation lists by id. Ids are UUIDs, quoted in the JSON, so a match
   * is that id and no other.
   */
  boolean grantsRights(String path, String representation) {
    return path != null
        && (path.contains(clientId)
            || path.endsWith("/role-mappings/realm")
                && representation != null
                && roleIds.stream().anyMatch(id -> representation.contains('"' + id + '"')));
  }
}
