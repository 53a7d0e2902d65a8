package vn.yte.iam.keycloak.account;

import java.time.Instant;
import org.jboss.logging.Logger;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.models.utils.PostMigrationEvent;
import org.keycloak.timer.TimerProvider;
import vn.yte.iam.keycloak.spi.StepAuthenticatorFactory;

/**
 * ACC-4 browser-flow step, and the hourly sweep that disables ended accounts in every realm (SPI
 * option {@code sweep-interval} in seconds, default 3600; 0 disables the sweep).
 */
public final class AccountEndDateAuthenticatorFactory extends StepAuthenticatorFactory {
  public static final String PROVIDER_ID = "yte-account-end-date";
  static final String TASK = "yte-account-end-dates";
  private static final Logger LOG = Logger.getLogger(AccountEndDateAuthenticatorFactory.class);
  private long intervalSeconds;

  public AccountEndDateAuthenticatorFactory() {
    super(
        PROVIDER_ID,
        "YTe: account end date (contractors)",
        "Refuses and disables an account past its end date (user attribute accountEndDate).",
        new AccountEndDateAuthenticator(false));
  }

  @Override
  public void init(Config.Scope config) {
    intervalSeconds = config.getLong("sweepInterval", 3600L);
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
                        .scheduleTask(
                            s ->
                                s.realms()
                                    .getRealmsStream()
                                    .toList()
                                    .forEach(
                                        realm -> {
                                          int n =
                                              AccountEndDates.disableEnded(s, realm, Instant.now());
                                          if (n > 0) {
                                            LOG.infof(
                                                "Disabled %d ended accounts in realm %s",
                                                n, realm.getName());
                                          }
                                        }),
                            intervalSeconds * 1000,
                            TASK));
          }
        });
  }
}
