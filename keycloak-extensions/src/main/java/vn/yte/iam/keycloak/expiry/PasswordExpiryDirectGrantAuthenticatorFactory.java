package vn.yte.iam.keycloak.expiry;

import vn.yte.iam.keycloak.spi.StepAuthenticatorFactory;

/** Direct-grant step refusing tokens for expired passwords (PW-4). */
public final class PasswordExpiryDirectGrantAuthenticatorFactory extends StepAuthenticatorFactory {
  public static final String PROVIDER_ID = "yte-password-expiry-direct-grant";

  public PasswordExpiryDirectGrantAuthenticatorFactory() {
    super(
        PROVIDER_ID,
        "YTe: password expiry (direct grant)",
        "Refuses a token when the password is older than the realm's maximum age, also for LDAP/AD"
            + " users. Place after password validation.",
        new PasswordExpiryDirectGrantAuthenticator());
  }
}
