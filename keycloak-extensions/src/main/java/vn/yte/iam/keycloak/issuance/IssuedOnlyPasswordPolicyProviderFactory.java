package vn.yte.iam.keycloak.issuance;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.policy.PasswordPolicyProvider;
import org.keycloak.policy.PolicyError;
import vn.yte.iam.keycloak.spi.PasswordPolicyFactory;

/**
 * PW-3: in a realm with this policy an administrator cannot type a password for someone else
 * through the admin console or admin API; passwords come from {@link PasswordIssuanceResource}.
 * Users changing their own password are unaffected.
 */
public final class IssuedOnlyPasswordPolicyProviderFactory extends PasswordPolicyFactory {
  public static final String PROVIDER_ID = "yte-password-issued-only";
  static final String ISSUING = "yte.password.issuing";
  static final String MESSAGE = "yteInvalidPasswordChosenByAdmin";

  public IssuedOnlyPasswordPolicyProviderFactory() {
    super(PROVIDER_ID, "YTe: administrators issue random passwords only", null, null);
  }

  @Override
  public PasswordPolicyProvider create(KeycloakSession session) {
    return new Provider(session);
  }

  /** Whether the current request goes through Keycloak's admin REST API. */
  static boolean isAdminApiRequest(String path) {
    return path != null && path.contains("/admin/realms");
  }

  private static final class Provider implements PasswordPolicyProvider {
    private final KeycloakSession session;

    Provider(KeycloakSession session) {
      this.session = session;
    }

    @Override
    public PolicyError validate(RealmModel realm, UserModel user, String password) {
      return validate((String) null, password);
    }

    @Override
    public PolicyError validate(String username, String password) {
      if (Boolean.TRUE.equals(session.getAttribute(ISSUING))) {
        return null;
      }
      return isAdminApiRequest(requestPath()) ? new PolicyError(MESSAGE) : null;
    }

    private String requestPath() {
      try {
        return session.getContext().getUri().getRequestUri().getPath();
      } catch (RuntimeException e) {
        // No HTTP request (start-up import, scheduled task): not an administrator typing.
        return null;
      }
    }

    @Override
    public Object parseConfig(String value) {
      return null;
    }

    @Override
    public void close() {}
  }
}
