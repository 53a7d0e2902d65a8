package vn.yte.iam.keycloak.passwordpolicy.blocklist;

import java.util.Arrays;
import java.util.List;
import org.keycloak.models.KeycloakContext;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.policy.PasswordPolicyConfigException;
import org.keycloak.policy.PasswordPolicyProvider;
import org.keycloak.policy.PolicyError;

/** Checks one password against the realm's configured word lists. */
final class BlocklistPasswordPolicyProvider implements PasswordPolicyProvider {
  static final String MESSAGE = "yteInvalidPasswordBlocked";

  private final KeycloakContext context;
  private final PasswordLists lists;

  BlocklistPasswordPolicyProvider(KeycloakContext context, PasswordLists lists) {
    this.context = context;
    this.lists = lists;
  }

  @Override
  public PolicyError validate(RealmModel realm, UserModel user, String password) {
    @SuppressWarnings("unchecked")
    List<String> names =
        (List<String>)
            realm
                .getPasswordPolicy()
                .getPolicyConfig(BlocklistPasswordPolicyProviderFactory.PROVIDER_ID);
    if (names == null || password == null) {
      return null;
    }
    // The matched entry is deliberately not echoed back: it would teach guessers the list.
    return lists.get(names).match(password).map(m -> new PolicyError(MESSAGE)).orElse(null);
  }

  @Override
  public PolicyError validate(String user, String password) {
    return validate(context.getRealm(), null, password);
  }

  @Override
  public Object parseConfig(String value) {
    String raw =
        value == null || value.isBlank()
            ? BlocklistPasswordPolicyProviderFactory.DEFAULT_LISTS
            : value;
    List<String> names = Arrays.stream(raw.split(",")).map(String::strip).toList();
    for (String name : names) {
      if (!lists.exists(name)) {
        throw new PasswordPolicyConfigException(
            "Unknown password list '" + name + "' (expected NAME.txt in the lists directory)");
      }
    }
    return names;
  }

  @Override
  public void close() {}
}
