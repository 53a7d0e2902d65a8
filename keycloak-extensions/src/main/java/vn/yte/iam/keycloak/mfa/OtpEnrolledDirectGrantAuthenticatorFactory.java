package vn.yte.iam.keycloak.mfa;

import vn.yte.iam.keycloak.spi.StepAuthenticatorFactory;

/** Direct-grant step before Keycloak's OTP check: a clear refusal for users not yet enrolled. */
public final class OtpEnrolledDirectGrantAuthenticatorFactory extends StepAuthenticatorFactory {
  public static final String PROVIDER_ID = "yte-otp-enrolled-direct-grant";

  public OtpEnrolledDirectGrantAuthenticatorFactory() {
    super(
        PROVIDER_ID,
        "YTe: OTP enrolled (direct grant)",
        "Refuses with a clear message a user who has no authenticator yet; place before OTP.",
        new OtpEnrolledDirectGrantAuthenticator());
  }
}
