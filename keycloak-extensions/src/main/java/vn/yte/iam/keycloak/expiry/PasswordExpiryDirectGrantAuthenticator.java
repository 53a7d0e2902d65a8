package vn.yte.iam.keycloak.expiry;

import java.time.Instant;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.models.UserModel;
import vn.yte.iam.keycloak.spi.UserStep;

/**
 * PW-4 for the direct grant: there is no page on which to change the password, so an expired one
 * gets no token and a message that says why, instead of a token for a password past its age.
 */
final class PasswordExpiryDirectGrantAuthenticator extends UserStep {
  static final String DESCRIPTION =
      "Mật khẩu đã hết hạn, hãy đăng nhập qua trình duyệt để đổi mật khẩu."
          + " / Password expired: sign in through the browser to change it.";

  @Override
  public void authenticate(AuthenticationFlowContext context) {
    UserModel user = context.getUser();
    boolean expired =
        ExpiryPolicy.of(context.getRealm())
            .flatMap(p -> p.ageOf(user, Instant.now()))
            .map(PasswordAge::expired)
            .orElse(false);
    if (!expired) {
      context.success();
      return;
    }
    context.getEvent().user(user).error("yte_password_expired");
    context.failure(AuthenticationFlowError.CREDENTIAL_SETUP_REQUIRED, invalidGrant(DESCRIPTION));
  }
}
