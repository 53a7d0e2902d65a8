package vn.yte.iam.keycloak.mfa;

import java.util.List;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;
import vn.yte.iam.keycloak.spi.StepAuthenticatorFactory;

/**
 * {@code yte-minimum-level}: first step of the browser flow, see {@link MinimumLevelAuthenticator}.
 */
public final class MinimumLevelAuthenticatorFactory extends StepAuthenticatorFactory {
  public static final String PROVIDER_ID = "yte-minimum-level";

  static final List<ProviderConfigProperty> CONFIG =
      ProviderConfigurationBuilder.create()
          .property()
          .name(MinimumLevelAuthenticator.LEVEL)
          .label("Minimum level of authentication")
          .helpText("Every login reaches at least this level (2: password and TOTP).")
          .type(ProviderConfigProperty.STRING_TYPE)
          .defaultValue(String.valueOf(MinimumLevelAuthenticator.DEFAULT_LEVEL))
          .add()
          .build();

  public MinimumLevelAuthenticatorFactory() {
    super(
        PROVIDER_ID,
        "YTe: minimum level of authentication",
        "MFA-1: raises every login to at least the configured level; place first in the flow.",
        new MinimumLevelAuthenticator(false),
        CONFIG);
  }
}
