package vn.yte.iam.keycloak.account;

import jakarta.ws.rs.core.Response;
import java.time.Instant;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.models.UserModel;
import vn.yte.iam.keycloak.spi.UserStep;

/**
 * ACC-4 at login, on every path: an account past its end date is disabled on the spot and the login
 * refused, whether or not the periodic sweep has reached it yet.
 */
final class AccountEndDateAuthenticator extends UserStep {
  static final String MESSAGE = "yteAccountEnded";
  static final String DESCRIPTION =
      "Tài khoản đã hết thời hạn sử dụng. / The account has passed its end date.";

  private final boolean directGrant;

  AccountEndDateAuthenticator(boolean directGrant) {
    this.directGrant = directGrant;
  }

  @Override
  public void authenticate(AuthenticationFlowContext context) {
    UserModel user = context.getUser();
    if (!AccountEndDate.ended(user, Instant.now())) {
      context.success();
      return;
    }
    AccountEndDates.disable(user);
    context.getEvent().user(user).error("yte_account_ended");
    Response challenge =
        directGrant
            ? invalidGrant(DESCRIPTION)
            : context.form().setError(MESSAGE).createErrorPage(Response.Status.FORBIDDEN);
    context.failure(AuthenticationFlowError.USER_DISABLED, challenge);
  }
}
