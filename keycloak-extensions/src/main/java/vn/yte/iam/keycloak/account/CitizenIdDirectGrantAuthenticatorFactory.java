package vn.yte.iam.keycloak.account;

import vn.yte.iam.keycloak.spi.StepAuthenticatorFactory;

/**
 * {@code yte-citizen-id-direct-grant}: {@link CitizenIdLoginAuthenticator} for the direct grant.
 */
public final class CitizenIdDirectGrantAuthenticatorFactory extends StepAuthenticatorFactory {
  public static final String PROVIDER_ID = "yte-citizen-id-direct-grant";

  public CitizenIdDirectGrantAuthenticatorFactory() {
    super(
        PROVIDER_ID,
        "YTe: citizen ID at login (direct grant)",
        "ACC-1 for the direct grant: a refusal is a 400 invalid_grant.",
        new CitizenIdLoginAuthenticator(true));
  }
}
