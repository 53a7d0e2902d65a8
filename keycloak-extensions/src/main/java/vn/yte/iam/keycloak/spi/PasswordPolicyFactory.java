package vn.yte.iam.keycloak.spi;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.policy.PasswordPolicyProviderFactory;

/**
 * What all our password policy factories share: id, admin-console name, value type and default, one
 * entry per realm. Subclasses create the provider and hold shared resources.
 */
public abstract class PasswordPolicyFactory implements PasswordPolicyProviderFactory {
  private final String id;
  private final String displayName;
  private final String configType;
  private final String defaultValue;

  protected PasswordPolicyFactory(
      String id, String displayName, String configType, String defaultValue) {
    this.id = id;
    this.displayName = displayName;
    this.configType = configType;
    this.defaultValue = defaultValue;
  }

  @Override
  public void init(Config.Scope config) {}

  @Override
  public void postInit(KeycloakSessionFactory factory) {}

  @Override
  public void close() {}

  @Override
  public final String getId() {
    return id;
  }

  @Override
  public final String getDisplayName() {
    return displayName;
  }

  @Override
  public final String getConfigType() {
    return configType;
  }

  @Override
  public final String getDefaultConfigValue() {
    return defaultValue;
  }

  @Override
  public final boolean isMultiplSupported() {
    return false;
  }
}
