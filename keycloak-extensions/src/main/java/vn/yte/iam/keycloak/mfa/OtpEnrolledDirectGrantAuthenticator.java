package vn.yte.iam.keycloak.mfa;

import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.models.credential.OTPCredentialModel;
import vn.yte.iam.keycloak.spi.UserStep;

/**
 * MFA-1 in the direct grant: Keycloak's OTP step fails with a server error (500) for a user who has
 * not enrolled an authenticator yet, since the direct grant cannot show the enrolment page. This
 * step, placed before it, answers such a user with a 400 that says what to do.
 */
final class OtpEnrolledDirectGrantAuthenticator extends UserStep {
  static final String DESCRIPTION =
      "Chưa đăng ký ứng dụng xác thực (OTP): hãy đăng nhập qua trình duyệt một lần để đăng ký."
          + " / No authenticator enrolled: sign in through the browser once to enrol one.";

  @Override
  public void authenticate(AuthenticationFlowContext context) {
    boolean enrolled =
        context
            .getUser()
            .credentialManager()
            .getStoredCredentialsByTypeStream(OTPCredentialModel.TYPE)
            .findAny()
            .isPresent();
    if (enrolled) {
      context.success();
      return;
    }
    context.getEvent().user(context.getUser()).error("yte_otp_not_enrolled");
    context.failure(AuthenticationFlowError.CREDENTIAL_SETUP_REQUIRED, invalidGrant(DESCRIPTION));
  }
}
