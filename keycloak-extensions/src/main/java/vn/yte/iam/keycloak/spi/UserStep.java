package vn.yte.iam.keycloak.spi;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.Authenticator;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/** A check that runs for every identified user and needs nothing set up per user. */
public abstract class UserStep implements Authenticator {
  /**
   * The token endpoint's refusal when a direct-grant step says no: OAuth's {@code invalid_grant}
   * with a description people can act on (Vietnamese / English).
   */
  protected static Response invalidGrant(String description) {
    return Response.status(Response.Status.BAD_REQUEST)
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(Map.of("error", "invalid_grant", "error_description", description))
        .build();
  }

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
