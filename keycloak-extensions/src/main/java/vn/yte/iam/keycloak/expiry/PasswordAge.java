package vn.yte.iam.keycloak.expiry;

import java.time.Duration;
import java.time.Instant;

/**
 * How long a password has left under a maximum age (PW-4). Days left are rounded up, so a password
 * expiring in 30 hours has 2 days left and one expiring in 1 hour has 1.
 */
public record PasswordAge(Instant expiresAt, long daysLeft, boolean expired) {
  private static final long DAY_SECONDS = Duration.ofDays(1).toSeconds();

  public static PasswordAge of(Instant changedAt, int maxAgeDays, Instant now) {
    Instant expiresAt = changedAt.plus(Duration.ofDays(maxAgeDays));
    long secondsLeft = Duration.between(now, expiresAt).toSeconds();
    if (secondsLeft <= 0) {
      return new PasswordAge(expiresAt, 0, true);
    }
    return new PasswordAge(expiresAt, (secondsLeft + DAY_SECONDS - 1) / DAY_SECONDS, false);
  }
}
