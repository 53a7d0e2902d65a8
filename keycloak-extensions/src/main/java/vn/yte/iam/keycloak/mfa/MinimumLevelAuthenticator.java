package vn.yte.iam.keycloak.mfa;

import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.Authenticator;
import org.keycloak.models.AuthenticatorConfigModel;
import org.keycloak.models.Constants;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * MFA-1 under a level-of-authentication flow: Keycloak runs only the levels a client asks for, so a
 * client that asks for nothing would get a password-only login. This step raises the request to a
 * minimum level (2: password and TOTP); clients that ask for more (MFA-2's population-database
 * clients) keep what they asked for.
 *
 * <p>Two placements: first in the flow, for everyone (the realm-wide baseline); or after the
 * password step with {@value #ROLES} set, for users holding one of those roles only (MFA by role).
 */
final class MinimumLevelAuthenticator implements Authenticator {
  static final String LEVEL = "yte.loa.minimum";
  static final String ROLES = "yte.loa.roles";
  static final int DEFAULT_LEVEL = 2;

  private final boolean byRole;

  MinimumLevelAuthenticator(boolean byRole) {
    this.byRole = byRole;
  }

  @Override
  public void authenticate(AuthenticationFlowContext context) {
    if (byRole && !holdsAConfiguredRole(context)) {
      context.success();
      return;
    }
    AuthenticationSessionModel auth = context.getAuthenticationSession();
    String requested = auth.getClientNote(Constants.REQUESTED_LEVEL_OF_AUTHENTICATION);
    int minimum = minimum(context.getAuthenticatorConfig());
    if (requested == null || Integer.parseInt(requested) < minimum) {
      auth.setClientNote(Constants.REQUESTED_LEVEL_OF_AUTHENTICATION, String.valueOf(minimum));
    }
    context.success();
  }

  private static boolean holdsAConfiguredRole(AuthenticationFlowContext context) {
    AuthenticatorConfigModel config = context.getAuthenticatorConfig();
    String roles = config == null ? null : config.getConfig().get(ROLES);
    if (roles == null || roles.isBlank()) {
      return false;
    }
    UserModel user = context.getUser();
    for (String name : roles.split("##|,")) {
      RoleModel role =
          KeycloakModelUtils.getRoleFromString(
              context.getSession(), context.getRealm(), name.strip());
      if (role != null && user.hasRole(role)) {
        return true;
      }
    }
    return false;
  }

  private static int minimum(AuthenticatorConfigModel config) {
    String value = config == null ? null : config.getConfig().get(LEVEL);
    return value == null || value.isBlank() ? DEFAULT_LEVEL : Integer.parseInt(value.trim());
  }

  @Override
  public void action(AuthenticationFlowContext context) {}

  @Override
  public boolean requiresUser() {
    return byRole;
  }

  @Override
  public boolean configuredFor(KeycloakSession session, RealmModel realm, UserModel user) {
    return true;
  }

  @Override
  public void setRequiredActions(KeycloakSession session, RealmModel realm, UserModel user) {}

  @Override
  public void close() {}
}
