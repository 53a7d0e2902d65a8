package vn.yte.iam.keycloak.account;

import vn.yte.iam.keycloak.spi.StepAuthenticatorFactory;

/** ACC-4 direct-grant step: no token for an account past its end date. */
public final class AccountEndDateDirectGrantAuthenticatorFactory extends StepAuthenticatorFactory {
  public static final String PROVIDER_ID = "yte-account-end-date-direct-grant";

  public AccountEndDateDirectGrantAuthenticatorFactory() {
    super(
        PROVIDER_ID,
        "YTe: account end date (direct grant)",
        "Refuses a token to an account past its end date (user attribute accountEndDate).",
        new AccountEndDateAuthenticator(true));
  }
}
