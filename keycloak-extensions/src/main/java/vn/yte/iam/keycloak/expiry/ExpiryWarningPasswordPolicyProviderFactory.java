package vn.yte.iam.keycloak.expiry;

import java.time.Instant;
import org.jboss.logging.Logger;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.models.utils.PostMigrationEvent;
import org.keycloak.policy.PasswordPolicyConfigException;
import org.keycloak.policy.PasswordPolicyProvider;
import org.keycloak.policy.PolicyError;
import org.keycloak.timer.ScheduledTask;
import org.keycloak.timer.TimerProvider;
import vn.yte.iam.keycloak.spi.PasswordPolicyFactory;

/**
 * Holds a realm's expiry-warning days as a password policy entry ({@code 14,7,1}), so they are set
 * in the admin console next to {@code forceExpiredPasswordChange}, and schedules the email sweep.
 * It refuses no password. SPI option {@code notice-interval} (seconds, default 3600; 0 disables)
 * sets how often the sweep runs.
 */
public final class ExpiryWarningPasswordPolicyProviderFactory extends PasswordPolicyFactory {
  public static final String PROVIDER_ID = "yte-password-expiry-warning";
  static final String TASK = "yte-password-expiry-notices";
  private static final Logger LOG =
      Logger.getLogger(ExpiryWarningPasswordPolicyProviderFactory.class);

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
    if (intervalSeconds <= 0) {
      return;
    }
    factory.register(
        event -> {
          if (event instanceof PostMigrationEvent) {
            KeycloakModelUtils.runJobInTransaction(
                factory,
                session ->
                    session
                        .getProvider(TimerProvider.class)
                        .scheduleTask(sweep(), intervalSeconds * 1000, TASK));
          }
        });
  }

  private static ScheduledTask sweep() {
    return session ->
        session
            .realms()
            .getRealmsStream()
            .toList()
            .forEach(
                realm -> {
                  int sent = sendDue(session, realm);
                  if (sent > 0) {
                    LOG.infof("Sent %d password expiry notices in realm %s", sent, realm.getName());
                  }
                });
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
