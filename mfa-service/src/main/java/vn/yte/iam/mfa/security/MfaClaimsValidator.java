package vn.yte.iam.mfa.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * MFA-2 from the token alone: {@code acr} must name an MFA level (Keycloak's LoA flow puts "mfa"
 * there only after a TOTP step, and keeps it across refresh), and {@code auth_time}, which Keycloak
 * moves forward at each step-up, must be recent enough. Refusals name what to ask for again (RFC
 * 9470's {@code acr_values} and {@code max_age}).
 */
final class MfaClaimsValidator implements OAuth2TokenValidator<Jwt> {
  /**
   * RFC 9470: the token is valid but the authentication behind it is not strong or fresh enough.
   */
  static final String INSUFFICIENT = "insufficient_user_authentication";

  private static final Duration CLOCK_SKEW = Duration.ofSeconds(60);

  private final Collection<String> acceptedAcr;
  private final Duration maxAge;
  private final Clock clock;

  MfaClaimsValidator(Collection<String> acceptedAcr, Duration maxAge, Clock clock) {
    this.acceptedAcr = acceptedAcr;
    this.maxAge = maxAge;
    this.clock = clock;
  }

  @Override
  public OAuth2TokenValidatorResult validate(Jwt jwt) {
    String acr = jwt.getClaimAsString("acr");
    if (acr == null || !acceptedAcr.contains(acr)) {
      return refuse("MFA required: acr must be one of " + acceptedAcr + ", was " + acr);
    }
    Instant authTime = authTime(jwt.getClaims().get("auth_time"));
    Instant now = clock.instant();
    if (authTime == null) {
      return refuse("auth_time missing");
    }
    if (authTime.isAfter(now.plus(CLOCK_SKEW))) {
      return refuse("auth_time in the future");
    }
    if (Duration.between(authTime, now).compareTo(maxAge) > 0) {
      return refuse("MFA older than max_age=" + maxAge.toSeconds() + "s: authenticate again");
    }
    return OAuth2TokenValidatorResult.success();
  }

  private OAuth2TokenValidatorResult refuse(String why) {
    return OAuth2TokenValidatorResult.failure(
        new OAuth2Error(
            INSUFFICIENT,
            why
                + " (acr_values="
                + String.join(" ", acceptedAcr)
                + ", max_age="
                + maxAge.toSeconds()
                + ")",
            "https://www.rfc-editor.org/rfc/rfc9470"));
  }

  private static Instant authTime(Object claim) {
    if (claim instanceof Instant i) {
      return i;
    }
    if (claim instanceof Number n) {
      return Instant.ofEpochSecond(n.longValue());
    }
    return null;
  }
}
