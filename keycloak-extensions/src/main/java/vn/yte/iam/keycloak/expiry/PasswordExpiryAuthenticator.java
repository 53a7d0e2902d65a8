package vn.yte.iam.keycloak.expiry;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.Optional;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.managers.AuthenticationManager;
import vn.yte.iam.keycloak.spi.UserStep;
import vn.yte.iam.keycloak.text.VietnamTime;

/**
 * PW-4 in the browser flow. Runs after the user is identified by any means, including Keycloak's
 * SSO cookie, which vanilla Keycloak lets through with an expired password. An expired password can
 * only be used to set a new one; within the warning window the user is told how many days are left
 * and may change it now.
 */
final class PasswordExpiryAuthenticator extends UserStep {
  static final String TEMPLATE = "yte-password-expiry-warning.ftl";
  static final String CHANGE_NOW = "change";

  @Override
  public void authenticate(AuthenticationFlowContext context) {
    RealmModel realm = context.getRealm();
    UserModel user = context.getUser();
    Optional<ExpiryPolicy> policy = ExpiryPolicy.of(realm);
    Optional<PasswordAge> age = policy.flatMap(p -> p.ageOf(user, Instant.now()));
    if (age.isEmpty()) {
      context.success();
      return;
    }
    if (age.get().expired()) {
      if (ExpiryPolicy.passwordManagedElsewhere(realm, user)) {
        context.getEvent().user(user).error("yte_password_expired_directory");
        context.failure(
            AuthenticationFlowError.CREDENTIAL_SETUP_REQUIRED,
            context
                .form()
                .setError("ytePasswordExpiredDirectory")
                .createErrorPage(Response.Status.FORBIDDEN));
        return;
      }
      user.addRequiredAction(UserModel.RequiredAction.UPDATE_PASSWORD);
      context.success();
      return;
    }
    boolean viaCookie =
        context.getAuthenticationSession().getAuthNote(AuthenticationManager.SSO_AUTH) != null;
    if (!viaCookie && policy.get().warnings().warnAtLogin(age.get())) {
      context.challenge(
          context
              .form()
              .setAttribute("yteDaysLeft", age.get().daysLeft())
              .setAttribute("yteExpiresOn", VietnamTime.date(age.get().expiresAt()))
              .createForm(TEMPLATE));
      return;
    }
    context.success();
  }

  @Override
  public void action(AuthenticationFlowContext context) {
    MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
    if (form.containsKey(CHANGE_NOW)) {
      context
          .getAuthenticationSession()
          .addRequiredAction(UserModel.RequiredAction.UPDATE_PASSWORD);
    }
    context.success();
  }
}
