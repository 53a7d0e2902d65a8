package vn.yte.iam.keycloak.mfa;

import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.authentication.requiredactions.UpdateTotp;
import org.keycloak.models.Constants;
import org.keycloak.models.UserModel;
import org.keycloak.models.credential.OTPCredentialModel;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/**
 * Replaces Keycloak's {@code CONFIGURE_TOTP} (same id, so every path to enrolment runs through it:
 * first login, the account console, an admin's required action) and adds MFA-3's device limit: one
 * person holds at most the configured number of authenticators, 1 by default. A user at the limit
 * who wants a new phone asks an administrator, whose reset is audited with a reason.
 */
public final class LimitedTotpRequiredAction extends UpdateTotp {
  static final String MAX_DEVICES = "yte-max-devices";
  static final int DEFAULT_MAX_DEVICES = 1;
  static final String LIMIT_MESSAGE = "yteOtpDeviceLimit";

  @Override
  public void requiredActionChallenge(RequiredActionContext context) {
    if (atLimit(context)) {
      refuseOrSkip(context);
      return;
    }
    super.requiredActionChallenge(context);
  }

  @Override
  public void processAction(RequiredActionContext context) {
    // Checked again on submit: two enrolment pages opened side by side must not add two devices.
    if (atLimit(context)) {
      refuseOrSkip(context);
      return;
    }
    super.processAction(context);
  }

  /**
   * Asked for by the user (account console): explain the limit. Set as a required action on a user
   * who already has enough authenticators: nothing to do, let them through.
   */
  private static void refuseOrSkip(RequiredActionContext context) {
    String asked = context.getAuthenticationSession().getClientNote(Constants.KC_ACTION);
    if (UserModel.RequiredAction.CONFIGURE_TOTP.name().equals(asked)) {
      context.getEvent().error("yte_otp_device_limit");
      Response page =
          context
              .form()
              .setError(LIMIT_MESSAGE, maxDevices(context))
              .createErrorPage(Response.Status.FORBIDDEN);
      context.challenge(page);
      return;
    }
    context.getUser().removeRequiredAction(UserModel.RequiredAction.CONFIGURE_TOTP);
    context.success();
  }

  private static boolean atLimit(RequiredActionContext context) {
    long held =
        context
            .getUser()
            .credentialManager()
            .getStoredCredentialsByTypeStream(OTPCredentialModel.TYPE)
            .count();
    return held >= maxDevices(context);
  }

  private static int maxDevices(RequiredActionContext context) {
    String value =
        context.getConfig() == null ? null : context.getConfig().getConfigValue(MAX_DEVICES);
    return value == null || value.isBlank() ? DEFAULT_MAX_DEVICES : Integer.parseInt(value);
  }

  @Override
  public List<ProviderConfigProperty> getConfigMetadata() {
    List<ProviderConfigProperty> config = new ArrayList<>(super.getConfigMetadata());
    config.addAll(
        ProviderConfigurationBuilder.create()
            .property()
            .name(MAX_DEVICES)
            .label("Maximum authenticators per user")
            .helpText("MFA-3: how many OTP authenticators one person may hold (default 1).")
            .type(ProviderConfigProperty.STRING_TYPE)
            .defaultValue(String.valueOf(DEFAULT_MAX_DEVICES))
            .add()
            .build());
    return config;
  }

  @Override
  public String getDisplayText() {
    return "Configure OTP (YTe: at most N authenticators)";
  }

  @Override
  public int order() {
    return 1; // outranks Keycloak's own factory with the same id
  }
}
