package vn.yte.iam.keycloak.spi;

import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.Authenticator;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/** A check that runs for every identified user and needs nothing set up per user. */
public abstract class UserStep implements Authenticator {
  @Override
  public void action(AuthenticationFlowContext context) {}

  @Override
  public final boolean requiresUser() {
    return true;
  }

  @Override
  public final boolean configuredFor(KeycloakSession session, RealmModel realm, UserModel user) {
    return true;
  }

  @Override
  public final void setRequiredActions(KeycloakSession session, RealmModel realm, UserModel user) {}

  @Override
  public final void close() {}
}
