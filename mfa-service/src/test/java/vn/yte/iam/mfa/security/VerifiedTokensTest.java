package vn.yte.iam.mfa.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import vn.yte.iam.mfa.support.TestTokens;

/**
 * The verified-signature cache in front of the JWKS decoder: what it skips and what it never does.
 */
class VerifiedTokensTest {
  private final TestTokens tokens = new TestTokens();
  private final MovableClock clock = new MovableClock(Instant.now());
  private final AtomicInteger verifications = new AtomicInteger();

  @AfterEach
  void stop() {
    tokens.close();
  }

  /** Signature only, as SecurityConfig builds it, counting how often it runs. */
  private JwtDecoder signatureOnly() {
    NimbusJwtDecoder nimbus = NimbusJwtDecoder.withJwkSetUri(tokens.jwksUri()).build();
    nimbus.setJwtValidator(jwt -> OAuth2TokenValidatorResult.success());
    return token -> {
      verifications.incrementAndGet();
      return nimbus.decode(token);
    };
  }

  private VerifiedTokens cache(Duration ttl, int capacity) {
    return new VerifiedTokens(
        signatureOnly(),
        new MfaClaimsValidator(List.of("mfa"), Duration.ofHours(1), clock),
        ttl,
        capacity,
        clock);
  }

  @Test
  void aTokenSeenAgainIsNotVerifiedAgainButItsClaimsAreCheckedEveryTime() {
    VerifiedTokens decoder = cache(Duration.ofHours(2), 10);
    String token = tokens.token("bs.lan", "population-lookup");

    assertThat(decoder.decode(token).getSubject()).isEqualTo("sub-bs.lan");
    assertThat(decoder.decode(token).getSubject()).isEqualTo("sub-bs.lan");
    assertThat(verifications).as("one signature verification for two uses").hasValue(1);

    clock.advance(Duration.ofMinutes(61)); // past MFA max age, still within the cache's time
    assertThatThrownBy(() -> decoder.decode(token))
        .isInstanceOf(JwtValidationException.class)
        .hasMessageContaining("MFA older than max_age");
    assertThat(verifications).as("refused from the cache").hasValue(1);
  }

  @Test
  void aTokenWithoutMfaIsRefusedEvenWhenItsSignatureIsRemembered() {
    VerifiedTokens decoder = cache(Duration.ofHours(2), 10);
    String token =
        tokens.sign(tokens.claims("bs.lan", "population-lookup").claim("acr", "1").build());

    assertThatThrownBy(() -> decoder.decode(token)).isInstanceOf(JwtValidationException.class);
    assertThatThrownBy(() -> decoder.decode(token))
        .isInstanceOf(JwtValidationException.class)
        .hasMessageContaining("MFA required");
    assertThat(verifications).hasValue(1);
  }

  @Test
  void aBadSignatureIsNeverRemembered() {
    VerifiedTokens decoder = cache(Duration.ofHours(2), 10);
    String forged;
    try (TestTokens otherIssuerKey = new TestTokens()) {
      forged = otherIssuerKey.token("bs.lan", "population-lookup");
    }
    String unsigned = tokens.unsigned(tokens.claims("bs.lan").build());
    for (int i = 0; i < 2; i++) {
      assertThatThrownBy(() -> decoder.decode(forged)).isInstanceOf(BadJwtException.class);
      assertThatThrownBy(() -> decoder.decode(unsigned)).isInstanceOf(BadJwtException.class);
    }
    assertThat(verifications).as("every attempt is checked in full").hasValue(4);
  }

  @Test
  void aRememberedSignatureIsVerifiedAgainAfterTheCacheTime() {
    VerifiedTokens decoder = cache(Duration.ofSeconds(60), 10);
    String token = tokens.token("bs.lan", "population-lookup");
    decoder.decode(token);
    clock.advance(Duration.ofSeconds(59));
    decoder.decode(token);
    assertThat(verifications).hasValue(1);
    clock.advance(Duration.ofSeconds(1));
    decoder.decode(token);
    assertThat(verifications).as("a withdrawn key stops being honoured within the TTL").hasValue(2);
  }

  @Test
  void theCacheHoldsAtMostItsCapacity() {
    VerifiedTokens decoder = cache(Duration.ofHours(2), 2);
    String a = tokens.token("bs.a", "population-lookup");
    String b = tokens.token("bs.b", "population-lookup");
    String c = tokens.token("bs.c", "population-lookup");
    decoder.decode(a);
    decoder.decode(b);
    decoder.decode(a);
    assertThat(verifications).hasValue(2);
    decoder.decode(c); // full: emptied, then c kept
    decoder.decode(a);
    decoder.decode(c);
    assertThat(verifications).hasValue(4);
  }

  @Test
  void aFullCacheDropsTheEntriesPastTheirTimeAndKeepsTheLiveOnes() {
    VerifiedTokens decoder = cache(Duration.ofSeconds(60), 2);
    String old = tokens.token("bs.old", "population-lookup");
    String b = tokens.token("bs.b", "population-lookup");
    String c = tokens.token("bs.c", "population-lookup");
    decoder.decode(old);
    clock.advance(Duration.ofSeconds(61));
    decoder.decode(b);
    decoder.decode(c); // full: the old token's entry is dropped, b's is kept
    assertThat(verifications).hasValue(3);
    decoder.decode(b);
    decoder.decode(c);
    assertThat(verifications).as("live tokens are not verified again").hasValue(3);
  }

  /** A clock the test moves by hand. */
  static final class MovableClock extends Clock {
    private Instant now;

    MovableClock(Instant now) {
      this.now = now;
    }

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }
}
