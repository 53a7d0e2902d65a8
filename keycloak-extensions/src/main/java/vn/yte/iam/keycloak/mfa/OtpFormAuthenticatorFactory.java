package vn.yte.iam.keycloak.mfa;

import java.util.List;
import java.util.Set;
import org.keycloak.Config;
import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.AuthenticatorFactory;
import org.keycloak.models.AuthenticationExecutionModel.Requirement;
import org.keycloak.models.Constants;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.credential.OTPCredentialModel;
import org.keycloak.models.credential.RecoveryAuthnCodesCredentialModel;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/** {@code yte-otp-form}: the OTP form that does not let replayed codes lock users out (MFA-3). */
public final class OtpFormAuthenticatorFactory implements AuthenticatorFactory {
  public static final String PROVIDER_ID = "yte-otp-form";
  private static final OtpFormAuthenticator SINGLETON = new OtpFormAuthenticator();

  /** Shared with the direct-grant variant: the stale window and the {@code amr} reference. */
  static final List<ProviderConfigProperty> CONFIG =
      ProviderConfigurationBuilder.create()
          .property()
          .name(OtpCredentials.STALE_SECONDS)
          .label("Stale code window (seconds)")
          .helpText(
              "A wrong code that the user's authenticator produced this recently is refused as"
                  + " stale or replayed without counting towards the lockout.")
          .type(ProviderConfigProperty.STRING_TYPE)
          .defaultValue(String.valueOf(OtpCredentials.DEFAULT_STALE_SECONDS))
          .add()
          .property()
          .name(OtpFormAuthenticator.FRESH_LEVEL)
          .label("Step-up level reached")
          .helpText(
              "Level of authentication a code entered here also reaches (the step-up level), so"
                  + " a client demanding it right after a login does not ask again.")
          .type(ProviderConfigProperty.STRING_TYPE)
          .add()
          .property()
          .name(Constants.AUTHENTICATION_EXECUTION_REFERENCE_VALUE)
          .label("Authentication reference (amr)")
          .helpText("Value added to the token's amr claim when this step succeeds, e.g. otp.")
          .type(ProviderConfigProperty.STRING_TYPE)
          .add()
          .property()
          .name(Constants.AUTHENTICATION_EXECUTION_REFERENCE_MAX_AGE)
          .label("Authentication reference max age (seconds)")
          .helpText("How long the amr value stays in tokens after this step.")
          .type(ProviderConfigProperty.STRING_TYPE)
          .add()
          .build();

  @Override
  public Authenticator create(KeycloakSession session) {
    return SINGLETON;
  }

  @Override
  public String getId() {
    return PROVIDER_ID;
  }

  @Override
  public String getDisplayType() {
    return "YTe: OTP form (replay-safe lockout, recovery codes)";
  }

  @Override
  public String getHelpText() {
    return "Validates a TOTP code or a recovery code. Replayed and stale codes are refused without"
        + " counting towards the brute-force lockout; guesses still count.";
  }

  @Override
  public String getReferenceCategory() {
    return OTPCredentialModel.TYPE;
  }

  @Override
  public Set<String> getOptionalReferenceCategories(KeycloakSession session) {
    // Makes Keycloak offer recovery-code set-up (account console, after TOTP enrolment).
    return Set.of(RecoveryAuthnCodesCredentialModel.TYPE);
  }

  @Override
  public boolean isConfigurable() {
    return true;
  }

  @Override
  public Requirement[] getRequirementChoices() {
    return new Requirement[] {Requirement.REQUIRED, Requirement.ALTERNATIVE, Requirement.DISABLED};
  }

  @Override
  public boolean isUserSetupAllowed() {
    return true;
  }

  @Override
  public List<ProviderConfigProperty> getConfigProperties() {
    return CONFIG;
  }

  @Override
  public void init(Config.Scope config) {}

  @Override
  public void postInit(KeycloakSessionFactory factory) {}

  @Override
  public void close() {}
}
