package vn.yte.iam.keycloak.expiry;

import vn.yte.iam.keycloak.spi.StepAuthenticatorFactory;

/** Browser-flow step enforcing password age and showing the expiry warning (PW-4). */
public final class PasswordExpiryAuthenticatorFactory extends StepAuthenticatorFactory {
  public static final String PROVIDER_ID = "yte-password-expiry";

  public PasswordExpiryAuthenticatorFactory() {
    super(
        PROVIDER_ID,
        "YTe: password expiry (every login path)",
        "Forces a password change when the realm's maximum age has passed, also on SSO-cookie and"
            + " LDAP/AD logins, and warns before expiry. Place after the user is identified.",
        new PasswordExpiryAuthenticator());
  }
}
