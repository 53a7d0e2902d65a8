package vn.yte.iam.keycloak.mfa;

import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.credential.CredentialModel;
import org.keycloak.models.AuthenticatorConfigModel;
import org.keycloak.models.OTPPolicy;
import org.keycloak.models.UserModel;
import org.keycloak.models.credential.OTPCredentialModel;
import org.keycloak.models.credential.dto.OTPCredentialData;

/** Classifies a submitted code against each of the user's authenticators ({@link RecentCodes}). */
final class OtpCredentials {
  /** Execution config: how far back a code the authenticator produced counts as stale. */
  static final String STALE_SECONDS = "yte.otp.staleSeconds";

  static final int DEFAULT_STALE_SECONDS = 600;

  private OtpCredentials() {}

  /**
   * {@link RecentCodes.Verdict#CHECK} unless the code is one the user's own authenticator produced:
   * then whether it was replayed or is stale.
   */
  static RecentCodes.Verdict classify(
      AuthenticationFlowContext context, UserModel user, String code) {
    int staleSeconds = staleSeconds(context.getAuthenticatorConfig());
    OTPPolicy policy = context.getRealm().getOTPPolicy();
    return user.credentialManager()
        .getStoredCredentialsByTypeStream(OTPCredentialModel.TYPE)
        .map(stored -> classify(context, policy, stored, code, staleSeconds))
        .filter(verdict -> verdict != RecentCodes.Verdict.CHECK)
        .findFirst()
        .orElse(RecentCodes.Verdict.CHECK);
  }

  /**
   * Refuses a code that is not a guess: the event says which kind, and the answer is a challenge
   * rather than a failure, so the brute-force protector (which counts failures only) leaves the
   * owner alone.
   */
  static void refuseNotAGuess(
      AuthenticationFlowContext context,
      UserModel user,
      RecentCodes.Verdict verdict,
      jakarta.ws.rs.core.Response answer) {
    context
        .getEvent()
        .user(user)
        .detail(org.keycloak.events.Details.REASON, verdict.name())
        .error("yte_otp_" + verdict);
    context.challenge(answer);
  }

  private static int staleSeconds(AuthenticatorConfigModel config) {
    String value = config == null ? null : config.getConfig().get(STALE_SECONDS);
    return value == null || value.isBlank() ? DEFAULT_STALE_SECONDS : Integer.parseInt(value);
  }

  private static RecentCodes.Verdict classify(
      AuthenticationFlowContext context,
      OTPPolicy policy,
      CredentialModel stored,
      String code,
      int staleSeconds) {
    OTPCredentialModel otp = OTPCredentialModel.createFromCredentialModel(stored);
    OTPCredentialData data = otp.getOTPCredentialData();
    if (!OTPCredentialModel.TOTP.equals(data.getSubType())) {
      return RecentCodes.Verdict.CHECK;
    }
    // The key Keycloak's OTP provider uses in the single-use store for a code it accepted.
    boolean used =
        !policy.isCodeReusable()
            && context.getSession().singleUseObjects().contains(stored.getId() + "." + code);
    return new RecentCodes(
            data.getAlgorithm(),
            data.getDigits(),
            data.getPeriod(),
            policy.getLookAheadWindow(),
            staleSeconds)
        .classify(code, otp.getDecodedSecret(), used);
  }
}
