package vn.yte.iam.keycloak.mfa;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import vn.yte.iam.testsupport.Totp;

/** MFA-3: which wrong codes are the owner's own (not counted) and which are guesses (counted). */
class RecentCodesTest {
  static final byte[] KEY = "recent-codes-test-key".getBytes(StandardCharsets.UTF_8);
  final RecentCodes codes = new RecentCodes("HmacSHA1", 6, 30, 1, 600);

  String codeSecondsAgo(long seconds) {
    return Totp.code(KEY, Instant.now().minusSeconds(seconds));
  }

  @Test
  void theCurrentCodeIsLeftToKeycloakUntilItHasBeenUsed() {
    String now = codeSecondsAgo(0);
    assertThat(codes.classify(now, KEY, false)).isEqualTo(RecentCodes.Verdict.CHECK);
    assertThat(codes.classify(now, KEY, true)).isEqualTo(RecentCodes.Verdict.REPLAYED);
  }

  @Test
  void aCodeFromMinutesAgoIsStale() {
    assertThat(codes.classify(codeSecondsAgo(180), KEY, false))
        .isEqualTo(RecentCodes.Verdict.STALE);
    assertThat(codes.classify(codeSecondsAgo(540), KEY, false))
        .isEqualTo(RecentCodes.Verdict.STALE);
  }

  @Test
  void aCodeOlderThanTheStaleWindowCountsAsAGuess() {
    String old = codeSecondsAgo(3600);
    // A one-in-a-million collision with a recent step would make this flaky; rule it out.
    boolean collides = false;
    for (int s = -660; s <= 660; s += 30) {
      collides |= old.equals(codeSecondsAgo(s));
    }
    if (!collides) {
      assertThat(codes.classify(old, KEY, false)).isEqualTo(RecentCodes.Verdict.CHECK);
    }
  }

  @Test
  void malformedInputIsLeftToKeycloak() {
    assertThat(codes.classify("12345", KEY, false)).isEqualTo(RecentCodes.Verdict.CHECK);
    assertThat(codes.classify("abcdef", KEY, false)).isEqualTo(RecentCodes.Verdict.CHECK);
    assertThat(codes.classify(null, KEY, false)).isEqualTo(RecentCodes.Verdict.CHECK);
  }

  @Test
  void anotherUsersCodeIsAGuess() {
    byte[] other = "someone-elses-key".getBytes(StandardCharsets.UTF_8);
    String theirs = Totp.code(other, Instant.now().minusSeconds(120));
    boolean collides = false;
    for (int s = -660; s <= 660; s += 30) {
      collides |= theirs.equals(codeSecondsAgo(s));
    }
    if (!collides) {
      assertThat(codes.classify(theirs, KEY, false)).isEqualTo(RecentCodes.Verdict.CHECK);
    }
  }
}
