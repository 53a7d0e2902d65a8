package vn.yte.iam.mfa.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/**
 * Remembers bearer tokens whose signature was verified, so that a clinic's system sending the same
 * access token with every lookup pays for one signature verification, not one per request (parsing
 * and RS256 were about an eighth of the service's CPU per lookup).
 *
 * <p>Only the signature check is remembered. The claims (issuer, audience, expiry, {@code acr},
 * {@code auth_time}) are validated on every use, so a token expires or falls out of the MFA window
 * exactly as without the cache. An entry lives at most {@code ttl}: a key withdrawn from the
 * issuer's JWKS stops being honoured within that time. Only tokens with a valid signature get in,
 * so the cache cannot be filled with junk. At {@code capacity} the entries past their time are
 * dropped; only if every entry is still live is the cache emptied, to refill.
 */
final class VerifiedTokens implements JwtDecoder {
  private final JwtDecoder signatureOnly;
  private final OAuth2TokenValidator<Jwt> validator;
  private final Duration ttl;
  private final int capacity;
  private final Clock clock;
  private final ConcurrentHashMap<String, Verified> verified = new ConcurrentHashMap<>();

  /**
   * @param signatureOnly parses and verifies the signature, and validates no claims
   * @param validator the claims every token must pass, on every use
   */
  VerifiedTokens(
      JwtDecoder signatureOnly,
      OAuth2TokenValidator<Jwt> validator,
      Duration ttl,
      int capacity,
      Clock clock) {
    this.signatureOnly = signatureOnly;
    this.validator = validator;
    this.ttl = ttl;
    this.capacity = capacity;
    this.clock = clock;
  }

  private record Verified(Jwt jwt, Instant until) {}

  @Override
  public Jwt decode(String token) throws JwtException {
    Instant now = clock.instant();
    Verified known = verified.get(token);
    Jwt jwt;
    if (known != null && now.isBefore(known.until())) {
      jwt = known.jwt();
    } else {
      jwt = signatureOnly.decode(token); // throws for a bad signature: nothing is remembered
      if (verified.size() >= capacity) {
        // Tokens are renewed every few minutes, so most entries of a full cache are past their
        // time. Emptying it instead would have every live token verified again at once.
        verified.values().removeIf(entry -> !now.isBefore(entry.until()));
        if (verified.size() >= capacity) {
          verified.clear();
        }
      }
      verified.put(token, new Verified(jwt, now.plus(ttl)));
    }
    OAuth2TokenValidatorResult result = validator.validate(jwt);
    if (result.hasErrors()) {
      throw new JwtValidationException(message(result), result.getErrors());
    }
    return jwt;
  }

  /** As NimbusJwtDecoder words it, so refusals read the same with or without the cache. */
  private static String message(OAuth2TokenValidatorResult result) {
    for (OAuth2Error error : result.getErrors()) {
      if (error.getDescription() != null && !error.getDescription().isEmpty()) {
        return "An error occurred while attempting to decode the Jwt: " + error.getDescription();
      }
    }
    return "Unable to validate Jwt";
  }
}
