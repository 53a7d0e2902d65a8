package vn.yte.iam.keycloak.mfa;

import org.keycloak.models.utils.TimeBasedOTP;

/**
 * MFA-3: tells a code the user's own device produced (replayed, or stale) from a guess, so that
 * only guesses count towards the brute-force lockout. Stock Keycloak counts both, so anyone who has
 * seen one old code and knows the password can lock the real owner out by submitting it twice.
 *
 * <p>A guess has a one-in-a-million chance per step of matching a recent step by accident, so
 * leaving such matches uncounted gives an attacker nothing; every other wrong code still counts.
 */
public final class RecentCodes {
  /** What a code that Keycloak has not yet accepted is. */
  public enum Verdict {
    /** Let Keycloak validate it: either a fresh valid code or a wrong one (counted). */
    CHECK,
    /** The current code, already used once (codes are single-use). */
    REPLAYED,
    /** A code from a step that has passed the accepted window, but recently. */
    STALE
  }

  private final String algorithm;
  private final int digits;
  private final int periodSeconds;
  private final int lookAheadSteps;
  private final int staleSteps;

  /**
   * @param lookAheadSteps the realm's OTP look-around window: codes Keycloak still accepts
   * @param staleSeconds how far back a code the device produced is recognised as stale
   */
  public RecentCodes(
      String algorithm, int digits, int periodSeconds, int lookAheadSteps, int staleSeconds) {
    this.algorithm = algorithm;
    this.digits = digits;
    this.periodSeconds = periodSeconds;
    this.lookAheadSteps = lookAheadSteps;
    this.staleSteps = Math.max(lookAheadSteps, staleSeconds / periodSeconds);
  }

  /**
   * @param alreadyUsed whether Keycloak's single-use store holds this code for the credential
   */
  public Verdict classify(String code, byte[] secret, boolean alreadyUsed) {
    if (code == null || code.length() != digits || !code.chars().allMatch(Character::isDigit)) {
      return Verdict.CHECK;
    }
    if (matches(code, secret, lookAheadSteps)) {
      return alreadyUsed ? Verdict.REPLAYED : Verdict.CHECK;
    }
    return matches(code, secret, staleSteps) ? Verdict.STALE : Verdict.CHECK;
  }

  private boolean matches(String code, byte[] secret, int window) {
    return new TimeBasedOTP(algorithm, digits, periodSeconds, window).validateTOTP(code, secret);
  }
}
