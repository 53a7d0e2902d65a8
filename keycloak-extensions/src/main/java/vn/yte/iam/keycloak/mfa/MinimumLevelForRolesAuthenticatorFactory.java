package vn.yte.iam.keycloak.mfa;

import java.util.ArrayList;
import java.util.List;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;
import vn.yte.iam.keycloak.spi.StepAuthenticatorFactory;

/**
 * {@code yte-minimum-level-for-roles}: MFA by role. Placed after the password step (in the level-1
 * subflow) of a realm whose baseline is level 1, it raises the login to level 2 for users holding
 * one of the configured roles.
 */
public final class MinimumLevelForRolesAuthenticatorFactory extends StepAuthenticatorFactory {
  public static final String PROVIDER_ID = "yte-minimum-level-for-roles";

  public MinimumLevelForRolesAuthenticatorFactory() {
    super(
        PROVIDER_ID,
        "YTe: minimum level of authentication for roles",
        "MFA by role: after the password step, raises the login to the configured level for"
            + " holders of these roles.",
        new MinimumLevelAuthenticator(true),
        withRoles());
  }

  private static List<ProviderConfigProperty> withRoles() {
    List<ProviderConfigProperty> config = new ArrayList<>(MinimumLevelAuthenticatorFactory.CONFIG);
    config.addAll(
        ProviderConfigurationBuilder.create()
            .property()
            .name(MinimumLevelAuthenticator.ROLES)
            .label("Roles")
            .helpText("Realm roles, or client roles as client.role; holders must reach the level.")
            .type(ProviderConfigProperty.MULTIVALUED_STRING_TYPE)
            .add()
            .build());
    return config;
  }
}
