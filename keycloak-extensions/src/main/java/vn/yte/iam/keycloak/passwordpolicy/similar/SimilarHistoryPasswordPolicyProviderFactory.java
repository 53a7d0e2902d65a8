package vn.yte.iam.keycloak.passwordpolicy.similar;

import java.time.Instant;
import java.util.Optional;
import org.keycloak.models.AbstractKeycloakTransaction;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.policy.PasswordPolicyConfigException;
import org.keycloak.policy.PasswordPolicyProvider;
import org.keycloak.policy.PolicyError;
import vn.yte.iam.keycloak.expiry.PasswordChanged;
import vn.yte.iam.keycloak.spi.PasswordPolicyFactory;

/**
 * Refuses a password that differs from one of the last N only in its trailing digits or symbols,
 * and records the shape of each password that is actually stored.
 */
public final class SimilarHistoryPasswordPolicyProviderFactory extends PasswordPolicyFactory {
  public static final String PROVIDER_ID = "yte-password-history-similar";
  public static final String ATTRIBUTE = "yte.passwordShapes";
  static final String MESSAGE = "yteInvalidPasswordSimilarToRecent";
  static final int DEFAULT_KEEP = 5;
  private static final String PENDING = "yte.shape.pending.";

  public SimilarHistoryPasswordPolicyProviderFactory() {
    super(
        PROVIDER_ID,
        "YTe: refuse near-repeats of recent passwords (only the trailing number changed)",
        PasswordPolicyProvider.INT_CONFIG_TYPE,
        String.valueOf(DEFAULT_KEEP));
  }

  @Override
  public PasswordPolicyProvider create(KeycloakSession session) {
    return new Provider(session);
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
      int keep =
          realm.getPasswordPolicy().getPolicyConfig(PROVIDER_ID) instanceof Integer k
              ? k
              : DEFAULT_KEEP;
      ShapeHistory history = ShapeHistory.parse(user.getFirstAttribute(ATTRIBUTE));
      String hash = history.hashOf(password).orElse(null);
      if (hash == null) {
        return null;
      }
      if (history.contains(hash)) {
        return new PolicyError(MESSAGE, keep);
      }
      rememberIfStored(realm, user, new Pending(history, hash), keep);
      return null;
    }

    /**
     * Keycloak runs the realm's policies in no fixed order, so a password that passes here may
     * still be refused by another policy. The shape is therefore recorded only at commit, and only
     * if the user's password credential really changed in this transaction.
     */
    private void rememberIfStored(RealmModel realm, UserModel user, Pending pending, int keep) {
      String key = PENDING + user.getId();
      boolean enlisted = session.getAttribute(key) != null;
      session.setAttribute(key, pending);
      if (enlisted) {
        return;
      }
      Optional<Instant> before = PasswordChanged.localPassword(user);
      String userId = user.getId();
      session
          .getTransactionManager()
          .enlistPrepare(
              new AbstractKeycloakTransaction() {
                @Override
                protected void commitImpl() {
                  UserModel current = session.users().getUserById(realm, userId);
                  Pending last = (Pending) session.getAttribute(key);
                  if (current == null || before.equals(PasswordChanged.localPassword(current))) {
                    return;
                  }
                  // The hash is only comparable under the salt it was made with, so the history
                  // read at validation (with that salt) is the one written back.
                  last.history().remember(last.hash(), keep);
                  current.setSingleAttribute(ATTRIBUTE, last.history().serialize());
                }

                @Override
                protected void rollbackImpl() {}
              });
    }

    /** A validated password's shape waiting for the credential to be stored. */
    private record Pending(ShapeHistory history, String hash) {}

    @Override
    public PolicyError validate(String username, String password) {
      return null;
    }

    @Override
    public Object parseConfig(String value) {
      int keep = parseInteger(value, DEFAULT_KEEP);
      if (keep < 1) {
        throw new PasswordPolicyConfigException("Keep at least one recent password shape");
      }
      return keep;
    }

    @Override
    public void close() {}
  }
}
