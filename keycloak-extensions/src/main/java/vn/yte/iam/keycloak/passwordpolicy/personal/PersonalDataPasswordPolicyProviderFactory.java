package vn.yte.iam.keycloak.passwordpolicy.personal;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.policy.PasswordPolicyProvider;
import org.keycloak.policy.PasswordPolicyProviderFactory;
import org.keycloak.policy.PolicyError;

/**
 * PW-2: refuses passwords containing the holder's username, name, citizen ID, birth date or phone.
 * Replaces Keycloak's {@code notUsername}, which refuses only the exact username.
 */
public final class PersonalDataPasswordPolicyProviderFactory
    implements PasswordPolicyProviderFactory {
  public static final String PROVIDER_ID = "yte-password-not-personal";

  @Override
  public PasswordPolicyProvider create(KeycloakSession session) {
    return new Provider();
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
    return "YTe: refuse passwords built from the user's own data";
  }

  @Override
  public String getConfigType() {
    return null;
  }

  @Override
  public String getDefaultConfigValue() {
    return null;
  }

  @Override
  public boolean isMultiplSupported() {
    return false;
  }

  private static final class Provider implements PasswordPolicyProvider {
    @Override
    public PolicyError validate(RealmModel realm, UserModel user, String password) {
      if (user == null || password == null) {
        return null;
      }
      return check(password, PersonalData.of(user));
    }

    @Override
    public PolicyError validate(String username, String password) {
      if (username == null || password == null) {
        return null;
      }
      return check(password, PersonalData.usernameOnly(username));
    }

    private static PolicyError check(String password, PersonalData who) {
      return PersonalDataRule.firstViolation(password, who)
          .map(rule -> new PolicyError(rule.messageKey))
          .orElse(null);
    }

    @Override
    public Object parseConfig(String value) {
      return null;
    }

    @Override
    public void close() {}
  }
}
