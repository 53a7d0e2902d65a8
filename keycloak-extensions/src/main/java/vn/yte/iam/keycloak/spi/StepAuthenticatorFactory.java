package vn.yte.iam.keycloak.spi;

import java.util.List;
import org.keycloak.Config;
import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.AuthenticatorFactory;
import org.keycloak.models.AuthenticationExecutionModel.Requirement;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;

/**
 * A flow step that checks the identified user: stateless, required or disabled, no credential of
 * its own (so no {@code amr} reference), and configurable only if given configuration properties.
 */
public abstract class StepAuthenticatorFactory implements AuthenticatorFactory {
  private final String id;
  private final String displayType;
  private final String helpText;
  private final Authenticator authenticator;
  private final List<ProviderConfigProperty> config;

  protected StepAuthenticatorFactory(
      String id, String displayType, String helpText, Authenticator authenticator) {
    this(id, displayType, helpText, authenticator, List.of());
  }

  protected StepAuthenticatorFactory(
      String id,
      String displayType,
      String helpText,
      Authenticator authenticator,
      List<ProviderConfigProperty> config) {
    this.id = id;
    this.displayType = displayType;
    this.helpText = helpText;
    this.authenticator = authenticator;
    this.config = config;
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
    return null;
  }

  @Override
  public boolean isConfigurable() {
    return !config.isEmpty();
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
    return config;
  }

  @Override
  public void init(Config.Scope config) {}

  @Override
  public void postInit(KeycloakSessionFactory factory) {}

  @Override
  public void close() {}
}
