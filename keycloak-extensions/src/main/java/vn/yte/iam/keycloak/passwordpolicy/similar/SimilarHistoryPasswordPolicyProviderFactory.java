package vn.yte.iam.keycloak.passwordpolicy.similar;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.policy.PasswordPolicyProvider;
import org.keycloak.policy.PasswordPolicyProviderFactory;
import org.keycloak.policy.PolicyError;

/**
 * Refuses a password that differs from one of the last N only in its trailing digits or symbols.
 * Place it last in the realm's policy: a password that reaches it has passed every other rule, so
 * its shape is recorded here as the new password is about to be stored.
 */
public final class SimilarHistoryPasswordPolicyProviderFactory
    implements PasswordPolicyProviderFactory {
  public static final String PROVIDER_ID = "yte-password-history-similar";
  public static final String ATTRIBUTE = "yte.passwordShapes";
  static final String MESSAGE = "yteInvalidPasswordSimilarToRecent";
  static final int DEFAULT_KEEP = 5;

  @Override
  public PasswordPolicyProvider create(KeycloakSession session) {
    return new Provider(session);
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
    return "YTe: refuse near-repeats of recent passwords (only the trailing number changed)";
  }

  @Override
  public String getConfigType() {
    return PasswordPolicyProvider.INT_CONFIG_TYPE;
  }

  @Override
  public String getDefaultConfigValue() {
    return String.valueOf(DEFAULT_KEEP);
  }

  @Override
  public boolean isMultiplSupported() {
    return false;
  }

  private static final class Provider implements PasswordPolicyProvider {
    private final KeycloakSession session;

    Provider(KeycloakSession session) {
      this.session = session;
    }

    @Override
    public PolicyError validate(RealmModel realm, UserModel user, String password) {
      if (user == null || password == null) {
        return null;
      }
      Integer keep = realm.getPasswordPolicy().getPolicyConfig(PROVIDER_ID);
      ShapeHistory history = ShapeHistory.parse(user.getFirstAttribute(ATTRIBUTE));
      String hash = history.hashOf(password).orElse(null);
      if (hash == null) {
        return null;
      }
      // Keycloak may validate the same new password twice in one request (form check, then
      // store); the second pass must not trip over the shape the first pass recorded.
      String recordedKey = "yte.shape.recorded." + user.getId();
      if (hash.equals(session.getAttribute(recordedKey))) {
        return null;
      }
      if (history.contains(hash)) {
        return new PolicyError(MESSAGE, keep == null ? DEFAULT_KEEP : keep);
      }
      history.remember(hash, keep == null ? DEFAULT_KEEP : keep);
      user.setSingleAttribute(ATTRIBUTE, history.serialize());
      session.setAttribute(recordedKey, hash);
      return null;
    }

    @Override
    public PolicyError validate(String username, String password) {
      return null;
    }

    @Override
    public Object parseConfig(String value) {
      int keep = parseInteger(value, DEFAULT_KEEP);
      if (keep < 1) {
        throw new IllegalArgumentException("Keep at least one recent password shape");
      }
      return keep;
    }

    @Override
    public void close() {}
  }
}
