package vn.yte.iam.keycloak.account;

import java.time.Instant;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSessionFactory;
import vn.yte.iam.keycloak.spi.StepAuthenticatorFactory;
import vn.yte.iam.keycloak.spi.Sweeps;

/**
 * ACC-4 browser-flow step, and the hourly sweep that disables ended accounts in every realm (SPI
 * option {@code sweep-interval} in seconds, default 3600; 0 disables the sweep).
 */
public final class AccountEndDateAuthenticatorFactory extends StepAuthenticatorFactory {
  public static final String PROVIDER_ID = "yte-account-end-date";
  static final String TASK = "yte-account-end-dates";
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
    Sweeps.schedule(
        factory,
        TASK,
        intervalSeconds,
        (session, realm) -> AccountEndDates.disableEnded(session, realm, Instant.now()));
  }
}
