package vn.yte.iam.keycloak.admin;

import java.util.Optional;
import org.keycloak.Config;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * Who the account id of a stored event is (LOG-4). Keycloak stores admin events, logouts and token
 * events with the acting account's id only, and an administrator of the whole server signs in to
 * {@code master}, so the realm's own user list does not know them.
 */
public final class EventActors {
  private EventActors() {}

  /** An account named in a realm's events: its username and the realm it belongs to. */
  public record Actor(String username, String realm) {}

  /**
   * The account {@code id} of {@code realm}, or else the {@code master} account of that id if it
   * administers {@code realm}: the only outside accounts whose ids a realm's events carry. Any
   * other master account stays unknown, so the answer tells no more than the realm's own admin
   * events.
   */
  public static Optional<Actor> find(KeycloakSession session, RealmModel realm, String id) {
    UserModel user = session.users().getUserById(realm, id);
    if (user != null) {
      return Optional.of(new Actor(user.getUsername(), realm.getName()));
    }
    RealmModel master = session.realms().getRealmByName(Config.getAdminRealm());
    if (master == null || master.getId().equals(realm.getId())) {
      return Optional.empty();
    }
    return administrator(session, realm, master, id);
  }

  /**
   * The {@code master} account {@code id} if it administers {@code realm}: holds any role of the
   * realm's management client in master ({@code <realm>-realm}), directly or through a composite
   * such as master's {@code admin}.
   */
  static Optional<Actor> administrator(
      KeycloakSession session, RealmModel realm, RealmModel master, String id) {
    UserModel admin = session.users().getUserById(master, id);
    ClientModel adminOfRealm = realm.getMasterAdminClient(); // "<realm>-realm", held in master
    if (admin == null
        || adminOfRealm == null
        || adminOfRealm.getRolesStream().noneMatch(admin::hasRole)) {
      return Optional.empty();
    }
    return Optional.of(new Actor(admin.getUsername(), master.getName()));
  }
}
