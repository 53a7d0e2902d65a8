package vn.yte.iam.keycloak.admin;

import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.NotFoundException;
import org.keycloak.Config;
import org.keycloak.TokenVerifier;
import org.keycloak.common.VerificationException;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.representations.AccessToken;
import org.keycloak.services.managers.AppAuthManager;
import org.keycloak.services.managers.AuthenticationManager;
import org.keycloak.services.resources.admin.AdminAuth;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;
import org.keycloak.services.resources.admin.fgap.AdminPermissions;

/**
 * Authenticates callers of our admin REST resources exactly as Keycloak's admin API does: a bearer
 * token from this realm or from the server's admin realm ({@code master}), checked by Keycloak,
 * then Keycloak's own fine-grained permission evaluator. Nothing here grants more than the admin
 * console would.
 */
public final class AdminAccess {
  private AdminAccess() {}

  /** The permission evaluator for the caller on the realm of the current request. */
  public static Caller require(KeycloakSession session) {
    RealmModel target = session.getContext().getRealm();
    String token =
        AppAuthManager.extractAuthorizationHeaderToken(session.getContext().getRequestHeaders());
    if (token == null) {
      throw new NotAuthorizedException("Bearer");
    }
    RealmModel tokenRealm = issuingRealm(session, token, target);
    AuthenticationManager.AuthResult auth;
    // Token checks read parts of the session context (keys, sessions) for the issuing realm, as
    // Keycloak's own admin root does for master tokens; the target realm is restored after.
    session.getContext().setRealm(tokenRealm);
    try {
      auth =
          new AppAuthManager.BearerTokenAuthenticator(session)
              .setRealm(tokenRealm)
              .setTokenString(token)
              .authenticate();
    } finally {
      session.getContext().setRealm(target);
    }
    if (auth == null) {
      throw new NotAuthorizedException("Bearer");
    }
    AdminAuth adminAuth =
        new AdminAuth(tokenRealm, auth.getToken(), auth.getUser(), auth.getClient());
    return new Caller(adminAuth, AdminPermissions.evaluator(session, target, adminAuth));
  }

  private static RealmModel issuingRealm(KeycloakSession session, String token, RealmModel target) {
    String issuer;
    try {
      // Unverified read of iss only, to choose the realm whose keys then verify the token.
      issuer = TokenVerifier.create(token, AccessToken.class).getToken().getIssuer();
    } catch (VerificationException e) {
      throw new NotAuthorizedException("Bearer");
    }
    String name = issuer == null ? "" : issuer.substring(issuer.lastIndexOf('/') + 1);
    if (!name.equals(target.getName()) && !name.equals(Config.getAdminRealm())) {
      throw new ForbiddenException("Token from another realm");
    }
    RealmModel realm = session.realms().getRealmByName(name);
    if (realm == null) {
      throw new NotAuthorizedException("Bearer");
    }
    return realm;
  }

  /** An authenticated administrator and what Keycloak lets them do in the target realm. */
  public record Caller(AdminAuth auth, AdminPermissionEvaluator permissions) {
    /**
     * The user an action is about. Absent and not-yours-to-see get the same 404, as in Keycloak's
     * admin API; the caller still has to pass the action's own permission check.
     */
    public UserModel user(KeycloakSession session, String userId) {
      UserModel user = session.users().getUserById(session.getContext().getRealm(), userId);
      if (user == null) {
        permissions.users().requireQuery();
        throw new NotFoundException("User not found");
      }
      return user;
    }
  }
}
