package vn.yte.iam.keycloak.passwordpolicy.composition;

import org.keycloak.models.KeycloakContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.policy.PasswordPolicyConfigException;
import org.keycloak.policy.PasswordPolicyProvider;
import org.keycloak.policy.PolicyError;

/** Reads the realm's configured minimum length and delegates to {@link CompositionRule}. */
final class CompositionPasswordPolicyProvider implements PasswordPolicyProvider {
  private final KeycloakContext context;

  CompositionPasswordPolicyProvider(KeycloakSession session) {
    this.context = session.getContext();
  }

  @Override
  public PolicyError validate(RealmModel realm, UserModel user, String password) {
    Integer configured =
        realm
            .getPasswordPolicy()
            .getPolicyConfig(CompositionPasswordPolicyProviderFactory.PROVIDER_ID);
    int minLength =
        configured == null ? CompositionPasswordPolicyProviderFactory.MIN_LENGTH : configured;
    return CompositionRule.firstViolation(password, minLength)
        .map(rule -> new PolicyError(rule.messageKey, minLength))
        .orElse(null);
  }

  @Override
  public PolicyError validate(String user, String password) {
    return validate(context.getRealm(), null, password);
  }

  @Override
  public Object parseConfig(String value) {
    int minLength = parseInteger(value, CompositionPasswordPolicyProviderFactory.MIN_LENGTH);
    if (minLength < CompositionPasswordPolicyProviderFactory.MIN_LENGTH) {
      // The letter's floor: a realm may be stricter, never weaker.
      throw new PasswordPolicyConfigException(
          "Minimum length must be at least " + CompositionPasswordPolicyProviderFactory.MIN_LENGTH);
    }
    return minLength;
  }

  @Override
  public void close() {}
}
