package vn.yte.iam.keycloak.passwordpolicy.composition;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.policy.PasswordPolicyProvider;
import org.keycloak.policy.PasswordPolicyProviderFactory;

/**
 * Baseline composition policy (PW-1) as one entry in the admin console's password policy list,
 * instead of four built-in policies that an administrator could forget one of.
 */
public final class CompositionPasswordPolicyProviderFactory
    implements PasswordPolicyProviderFactory {
  public static final String PROVIDER_ID = "yte-password-composition";
  static final int MIN_LENGTH = 8;

  @Override
  public PasswordPolicyProvider create(KeycloakSession session) {
    return new CompositionPasswordPolicyProvider(session);
  }

  @Override
  public void init(Config.Scope config) {}

  @Override
  public void postInit(KeycloakSessionFactory factory) {}

  @Override
  public void close() {}

  @Override
  public String getId() {
    return PROVIDER_ID;
  }

  @Override
  public String getDisplayName() {
    return "YTe: MoH composition (length, upper, lower, digit, special)";
  }

  @Override
  public String getConfigType() {
    return PasswordPolicyProvider.INT_CONFIG_TYPE;
  }

  @Override
  public String getDefaultConfigValue() {
    return String.valueOf(MIN_LENGTH);
  }

  @Override
  public boolean isMultiplSupported() {
    return false;
  }
}
