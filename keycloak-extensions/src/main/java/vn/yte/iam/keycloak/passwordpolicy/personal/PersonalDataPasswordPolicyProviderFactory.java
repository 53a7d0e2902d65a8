package vn.yte.iam.keycloak.passwordpolicy.personal;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.policy.PasswordPolicyProvider;
import org.keycloak.policy.PolicyError;
import vn.yte.iam.keycloak.spi.PasswordPolicyFactory;

/**
 * PW-2: refuses passwords containing the holder's username, name, citizen ID, birth date or phone.
 * Replaces Keycloak's {@code notUsername}, which refuses only the exact username.
 */
public final class PersonalDataPasswordPolicyProviderFactory extends PasswordPolicyFactory {
  public static final String PROVIDER_ID = "yte-password-not-personal";

  public PersonalDataPasswordPolicyProviderFactory() {
    super(PROVIDER_ID, "YTe: refuse passwords built from the user's own data", null, null);
  }

  @Override
  public PasswordPolicyProvider create(KeycloakSession session) {
    return new Provider();
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
