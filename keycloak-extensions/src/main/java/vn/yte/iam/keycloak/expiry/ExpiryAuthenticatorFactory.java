package vn.yte.iam.keycloak.expiry;

import java.util.List;
import org.keycloak.Config;
import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.AuthenticatorFactory;
import org.keycloak.models.AuthenticationExecutionModel.Requirement;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;

/** What the two expiry steps share: stateless, required-or-disabled, no configuration. */
abstract class ExpiryAuthenticatorFactory implements AuthenticatorFactory {
  private final String id;
  private final String displayType;
  private final String helpText;
  private final Authenticator authenticator;

  ExpiryAuthenticatorFactory(
      String id, String displayType, String helpText, Authenticator authenticator) {
    this.id = id;
    this.displayType = displayType;
    this.helpText = helpText;
    this.authenticator = authenticator;
  }

  @Override
  public Authenticator create(KeycloakSession session) {
    return authenticator;
  }

  @Override
  public String getId() {
    return id;
  }

  @Override
  public String getDisplayType() {
    return displayType;
  }

  @Override
  public String getHelpText() {
    return helpText;
  }

  @Override
  public String getReferenceCategory() {
    return "password-expiry";
  }

  @Override
  public boolean isConfigurable() {
    return false;
  }

  @Override
  public Requirement[] getRequirementChoices() {
    return new Requirement[] {Requirement.REQUIRED, Requirement.DISABLED};
  }

  @Override
  public boolean isUserSetupAllowed() {
    return false;
  }

  @Override
  public List<ProviderConfigProperty> getConfigProperties() {
    return List.of();
  }

  @Override
  public void init(Config.Scope config) {}

  @Override
  public void postInit(KeycloakSessionFactory factory) {}

  @Override
  public void close() {}
}
