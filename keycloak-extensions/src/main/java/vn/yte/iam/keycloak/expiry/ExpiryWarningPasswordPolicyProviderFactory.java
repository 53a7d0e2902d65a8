package vn.yte.iam.keycloak.expiry;

import java.time.Instant;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.policy.PasswordPolicyConfigException;
import org.keycloak.policy.PasswordPolicyProvider;
import org.keycloak.policy.PolicyError;
import vn.yte.iam.keycloak.spi.PasswordPolicyFactory;
import vn.yte.iam.keycloak.spi.Sweeps;

/**
 * Holds a realm's expiry-warning days as a password policy entry ({@code 14,7,1}), so they are set
 * in the admin console next to {@code forceExpiredPasswordChange}, and schedules the email sweep.
 * It refuses no password. SPI option {@code notice-interval} (seconds, default 3600; 0 disables)
 * sets how often the sweep runs.
 */
public final class ExpiryWarningPasswordPolicyProviderFactory extends PasswordPolicyFactory {
  public static final String PROVIDER_ID = "yte-password-expiry-warning";
  static final String TASK = "yte-password-expiry-notices";

  private long intervalSeconds;

  public ExpiryWarningPasswordPolicyProviderFactory() {
    super(
        PROVIDER_ID,
        "YTe: expiry warning days (login notice and email)",
        PasswordPolicyProvider.STRING_CONFIG_TYPE,
        WarningSchedule.DEFAULT);
  }

  @Override
  public PasswordPolicyProvider create(KeycloakSession session) {
    return new Provider();
  }

  @Override
  public void init(Config.Scope config) {
    intervalSeconds = config.getLong("noticeInterval", 3600L);
  }

  @Override
  public void postInit(KeycloakSessionFactory factory) {
    Sweeps.schedule(
        factory, TASK, intervalSeconds, ExpiryWarningPasswordPolicyProviderFactory::sendDue);
  }

  /** Sends the notices due now in one realm; used by the timer and the admin trigger. */
  public static int sendDue(KeycloakSession session, RealmModel realm) {
    return ExpiryNotices.sendDue(session, realm, Instant.now());
  }

  private static final class Provider implements PasswordPolicyProvider {
    @Override
    public PolicyError validate(RealmModel realm, UserModel user, String password) {
      return null;
    }

    @Override
    public PolicyError validate(String user, String password) {
      return null;
    }

    @Override
    public Object parseConfig(String value) {
      try {
        return WarningSchedule.parse(value);
      } catch (IllegalArgumentException e) {
        throw new PasswordPolicyConfigException(e.getMessage());
      }
    }

    @Override
    public void close() {}
  }
}
