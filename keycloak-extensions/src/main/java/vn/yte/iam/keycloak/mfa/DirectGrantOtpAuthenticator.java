package vn.yte.iam.keycloak.mfa;

import java.util.List;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.FlowStatus;
import org.keycloak.authentication.authenticators.directgrant.ValidateOTP;
import org.keycloak.authentication.authenticators.util.AuthenticatorUtils;
import org.keycloak.common.util.Time;
import org.keycloak.models.UserModel;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.services.managers.AuthenticationManager;

/**
 * {@code yte-direct-grant-otp}: Keycloak's direct-grant OTP check, except that a replayed or stale
 * code gets its own 400 and does not count towards the lockout (MFA-3, see {@link RecentCodes}).
 */
public final class DirectGrantOtpAuthenticator extends ValidateOTP {
  public static final String PROVIDER_ID = "yte-direct-grant-otp";
  static final String REPLAYED =
      "Mã OTP này đã được dùng. Hãy chờ mã mới. / This code was already used; wait for the next one.";
  static final String STALE =
      "Mã OTP đã hết hạn. Hãy nhập mã đang hiển thị. / This code has expired; enter the current one.";

  @Override
  public void authenticate(AuthenticationFlowContext context) {
    UserModel user = context.getUser();
    var form = context.getHttpRequest().getDecodedFormParameters();
    // "totp" is the older name Keycloak still accepts.
    String code = form.getFirst("otp") != null ? form.getFirst("otp") : form.getFirst("totp");
    if (code == null
        || user == null
        || !configuredFor(context.getSession(), context.getRealm(), user)
        || AuthenticatorUtils.getDisabledByBruteForceEventError(context, user) != null) {
      super.authenticate(context);
      return;
    }
    RecentCodes.Verdict verdict = OtpCredentials.classify(context, user, code.strip());
    if (verdict == RecentCodes.Verdict.CHECK) {
      checked(context);
      return;
    }
    OtpCredentials.refuseNotAGuess(
        context,
        user,
        verdict,
        errorResponse(
            400, "invalid_grant", verdict == RecentCodes.Verdict.REPLAYED ? REPLAYED : STALE));
  }

  /**
   * Keycloak's check, and on success the time of this authentication as {@code auth_time}: stock
   * Keycloak leaves it out of direct-grant tokens, and the gateway judges MFA freshness by it.
   */
  private void checked(AuthenticationFlowContext context) {
    super.authenticate(context);
    if (context.getStatus() == FlowStatus.SUCCESS) {
      context
          .getAuthenticationSession()
          .setUserSessionNote(AuthenticationManager.AUTH_TIME, String.valueOf(Time.currentTime()));
    }
  }

  @Override
  public String getId() {
    return PROVIDER_ID;
  }

  @Override
  public String getDisplayType() {
    return "YTe: OTP (direct grant, replay-safe lockout)";
  }

  @Override
  public String getHelpText() {
    return "Validates the 'otp' parameter; replayed and stale codes do not count towards the"
        + " lockout.";
  }

  @Override
  public boolean isConfigurable() {
    return true;
  }

  @Override
  public List<ProviderConfigProperty> getConfigProperties() {
    return OtpFormAuthenticatorFactory.CONFIG;
  }
}
