package vn.yte.iam.keycloak.account;

import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.models.UserModel;
import vn.yte.iam.citizen.CitizenIdRules;
import vn.yte.iam.keycloak.passwordpolicy.personal.PersonalData;
import vn.yte.iam.keycloak.spi.UserStep;

/**
 * ACC-1 at login. The user-profile validators guard every create and update, but realm and partial
 * imports and directory synchronisation bypass Keycloak's user profile, and a directory's
 * attributes are read-only to the user. So at each login this step refuses an account whose citizen
 * ID is missing, malformed or held by another account, until IT corrects it.
 */
final class CitizenIdLoginAuthenticator extends UserStep {
  static final String MESSAGE = "yteCitizenIdNeeded";
  static final String DESCRIPTION =
      "Tài khoản chưa có số CCCD hợp lệ và chưa gắn với tài khoản khác; hãy liên hệ bộ phận"
          + " công nghệ thông tin. / This account has no valid citizen ID of its own; contact IT.";

  private final boolean directGrant;

  CitizenIdLoginAuthenticator(boolean directGrant) {
    this.directGrant = directGrant;
  }

  @Override
  public void authenticate(AuthenticationFlowContext context) {
    UserModel user = context.getUser();
    String problem = problem(context, user);
    if (problem == null) {
      context.success();
      return;
    }
    context.getEvent().user(user).detail("reason", problem).error("yte_citizen_id_" + problem);
    // Not a wrong password: a challenge, so the brute-force counter is left alone.
    context.challenge(
        directGrant
            ? invalidGrant(DESCRIPTION)
            : context.form().setError(MESSAGE).createErrorPage(Response.Status.FORBIDDEN));
  }

  /** Null when the account holds a valid citizen ID that no other account of the realm holds. */
  static String problem(AuthenticationFlowContext context, UserModel user) {
    String value = user.getFirstAttribute(PersonalData.CITIZEN_ID);
    if (value == null || value.isBlank()) {
      return "missing";
    }
    String id = value.strip();
    if (CitizenIdRules.check(id, birthYear(user)).isPresent()) {
      return "invalid";
    }
    boolean shared =
        context
            .getSession()
            .users()
            .searchForUserByUserAttributeStream(context.getRealm(), PersonalData.CITIZEN_ID, id)
            .anyMatch(other -> !other.getId().equals(user.getId()));
    return shared ? "duplicate" : null;
  }

  private static Integer birthYear(UserModel user) {
    String birthDate = user.getFirstAttribute(PersonalData.BIRTH_DATE);
    try {
      return birthDate == null || birthDate.isBlank()
          ? null
          : LocalDate.parse(birthDate.strip()).getYear();
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
