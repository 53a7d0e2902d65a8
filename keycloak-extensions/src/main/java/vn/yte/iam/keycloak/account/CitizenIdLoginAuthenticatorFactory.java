package vn.yte.iam.keycloak.account;

import vn.yte.iam.keycloak.spi.StepAuthenticatorFactory;

/** {@code yte-citizen-id}: the browser-flow step of {@link CitizenIdLoginAuthenticator}. */
public final class CitizenIdLoginAuthenticatorFactory extends StepAuthenticatorFactory {
  public static final String PROVIDER_ID = "yte-citizen-id";

  public CitizenIdLoginAuthenticatorFactory() {
    super(
        PROVIDER_ID,
        "YTe: citizen ID at login",
        "ACC-1: refuses an account without a valid citizen ID of its own (imports, directories).",
        new CitizenIdLoginAuthenticator(false));
  }
}
