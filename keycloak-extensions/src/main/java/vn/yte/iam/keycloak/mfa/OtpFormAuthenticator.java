package vn.yte.iam.keycloak.mfa;

import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.authentication.FlowStatus;
import org.keycloak.authentication.authenticators.browser.OTPFormAuthenticator;
import org.keycloak.authentication.authenticators.util.AcrStore;
import org.keycloak.authentication.authenticators.util.AuthenticatorUtils;
import org.keycloak.events.Details;
import org.keycloak.events.Errors;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.AuthenticatorConfigModel;
import org.keycloak.models.UserCredentialModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.credential.OTPCredentialModel;
import org.keycloak.models.credential.RecoveryAuthnCodesCredentialModel;
import org.keycloak.models.utils.FormMessage;
import org.keycloak.services.validation.Validation;

/**
 * Keycloak's OTP form with two MFA-3 changes. A replayed or stale code is refused with a message
 * that says so and does not count towards the lockout (see {@link RecentCodes}); and the same field
 * takes a recovery code, so a user whose phone is lost or broken can still sign in.
 */
final class OtpFormAuthenticator extends OTPFormAuthenticator {
  static final String REPLAYED_MESSAGE = "yteOtpReplayed";
  static final String STALE_MESSAGE = "yteOtpStale";
  static final String RECOVERY_HINT = "yteOtpRecoveryHint";

  /** Auth-session note: a second factor was verified in this very login. */
  static final String VERIFIED_NOTE = "yte.secondFactorVerified";

  /** Execution config: the step-up level a code entered here also reaches. */
  static final String FRESH_LEVEL = "yte.otp.freshLevel";

  /**
   * A second level asking for the code again within the same login (a fresh login to a client that
   * demands the step-up level) would ask the person twice in a row: the code just entered already
   * proves it.
   */
  @Override
  public void authenticate(AuthenticationFlowContext context) {
    if (context.getAuthenticationSession().getAuthNote(VERIFIED_NOTE) != null) {
      context.success(OTPCredentialModel.TYPE);
      return;
    }
    super.authenticate(context);
  }

  @Override
  public void validateOTP(AuthenticationFlowContext context) {
    check(context);
    if (context.getStatus() == FlowStatus.SUCCESS) {
      context.getAuthenticationSession().setAuthNote(VERIFIED_NOTE, "true");
      markFreshLevel(context);
    }
  }

  /**
   * A code entered now also satisfies the step-up level ("a code within the last N minutes"), so a
   * population-database client right after an ordinary login does not ask for another one.
   */
  private static void markFreshLevel(AuthenticationFlowContext context) {
    AuthenticatorConfigModel config = context.getAuthenticatorConfig();
    String level = config == null ? null : config.getConfig().get(FRESH_LEVEL);
    if (level == null || level.isBlank()) {
      return;
    }
    AcrStore acr = new AcrStore(context.getSession(), context.getAuthenticationSession());
    int current = acr.getLevelOfAuthenticationFromCurrentAuthentication();
    acr.setLevelAuthenticated(Integer.parseInt(level.strip()));
    // Only the record of when each level was reached changes; this login's level stays what its
    // own subflow makes it.
    acr.setLevelAuthenticatedToCurrentRequest(current);
  }

  private void check(AuthenticationFlowContext context) {
    UserModel user = context.getUser();
    String input = context.getHttpRequest().getDecodedFormParameters().getFirst("otp");
    if (input == null || lockedOut(context, user)) {
      super.validateOTP(context);
      return;
    }
    String code = input.strip();
    Optional<RecoveryAuthnCodesCredentialModel> recovery = recoveryCodes(user);
    if (recovery.isPresent() && !code.chars().allMatch(Character::isDigit)) {
      validateRecoveryCode(context, user, code, recovery.get());
      return;
    }
    RecentCodes.Verdict verdict = OtpCredentials.classify(context, user, code);
    if (verdict == RecentCodes.Verdict.CHECK) {
      super.validateOTP(context);
      return;
    }
    OtpCredentials.refuseNotAGuess(
        context,
        user,
        verdict,
        challenge(
            context,
            verdict == RecentCodes.Verdict.REPLAYED ? REPLAYED_MESSAGE : STALE_MESSAGE,
            Validation.FIELD_OTP_CODE));
  }

  private void validateRecoveryCode(
      AuthenticationFlowContext context,
      UserModel user,
      String code,
      RecoveryAuthnCodesCredentialModel codes) {
    boolean valid =
        user.credentialManager()
            .isValid(UserCredentialModel.buildFromBackupAuthnCode(code.replace("-", "")));
    if (!valid) {
      context.getEvent().user(user).error(Errors.INVALID_USER_CREDENTIALS);
      context.failureChallenge(
          AuthenticationFlowError.INVALID_CREDENTIALS,
          challenge(context, "recovery-codes-error-invalid", Validation.FIELD_OTP_CODE));
      return;
    }
    context.getEvent().detail(Details.CREDENTIAL_TYPE, RecoveryAuthnCodesCredentialModel.TYPE);
    RecoveryAuthnCodesCredentialModel after =
        recoveryCodes(user).orElse(null); // isValid consumed the code just used
    if (after == null || after.allCodesUsed()) {
      if (after != null) {
        user.credentialManager().removeStoredCredentialById(after.getId());
      }
      user.addRequiredAction(UserModel.RequiredAction.CONFIGURE_RECOVERY_AUTHN_CODES);
    }
    context.success(RecoveryAuthnCodesCredentialModel.TYPE);
  }

  @Override
  protected Response createLoginForm(LoginFormsProvider form) {
    return form.createLoginTotp();
  }

  @Override
  protected Response challenge(AuthenticationFlowContext context, String error, String field) {
    // Tell a user who has recovery codes which one to type, as Keycloak uses them in order.
    recoveryCodes(context.getUser())
        .flatMap(RecoveryAuthnCodesCredentialModel::getNextRecoveryAuthnCode)
        .ifPresent(
            next -> context.form().addSuccess(new FormMessage(RECOVERY_HINT, next.getNumber())));
    return super.challenge(context, error, field);
  }

  private static boolean lockedOut(AuthenticationFlowContext context, UserModel user) {
    return AuthenticatorUtils.getDisabledByBruteForceEventError(context, user) != null;
  }

  private static Optional<RecoveryAuthnCodesCredentialModel> recoveryCodes(UserModel user) {
    return user.credentialManager()
        .getStoredCredentialsByTypeStream(RecoveryAuthnCodesCredentialModel.TYPE)
        .findFirst()
        .map(RecoveryAuthnCodesCredentialModel::createFromCredentialModel);
  }
}
