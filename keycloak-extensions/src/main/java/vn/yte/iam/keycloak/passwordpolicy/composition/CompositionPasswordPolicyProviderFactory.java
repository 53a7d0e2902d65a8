package vn.yte.iam.keycloak.passwordpolicy.composition;

import org.keycloak.models.KeycloakSession;
import org.keycloak.policy.PasswordPolicyProvider;
import vn.yte.iam.keycloak.spi.PasswordPolicyFactory;

/**
 * Baseline composition policy (PW-1) as one entry in the admin console's password policy list,
 * instead of four built-in policies that an administrator could forget one of.
 */
public final class CompositionPasswordPolicyProviderFactory extends PasswordPolicyFactory {
  public static final String PROVIDER_ID = "yte-password-composition";
  static final int MIN_LENGTH = 8;

  public CompositionPasswordPolicyProviderFactory() {
    super(
        PROVIDER_ID,
        "YTe: MoH composition (length, upper, lower, digit, special)",
        PasswordPolicyProvider.INT_CONFIG_TYPE,
        String.valueOf(MIN_LENGTH));
  }

  @Override
  public PasswordPolicyProvider create(KeycloakSession session) {
    return new CompositionPasswordPolicyProvider(session);
  }
}
