package vn.yte.iam.mfa.lookup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The per-account rate limit and bulk-lookup detection (LOG-2, SEC-2), on a hand-moved clock. */
class LookupGuardTest {
  static final Instant T0 = Instant.parse("2026-11-23T08:00:00Z");
  final LookupGuard guard = new LookupGuard(new LookupLimits(3, 4));

  @Test
  void theFourthLookupInAMinuteIsRefusedAndTheWindowSlides() {
    for (int i = 0; i < 3; i++) {
      assertThat(guard.admit("a", "c", T0.plusSeconds(i))).isEqualTo(LookupGuard.Verdict.ALLOW);
    }
    assertThat(guard.admit("a", "c", T0.plusSeconds(30))).isEqualTo(LookupGuard.Verdict.REFUSE);
    assertThat(guard.admit("b", "c", T0.plusSeconds(30)))
        .as("another account has its own window")
        .isEqualTo(LookupGuard.Verdict.ALLOW);
    assertThat(guard.admit("a", "c", T0.plusSeconds(61))).isEqualTo(LookupGuard.Verdict.ALLOW);
  }

  @Test
  void manyDistinctCitizensInAnHourRaiseOneBulkAlert() {
    Instant t = T0;
    for (int i = 1; i <= 4; i++) {
      t = t.plusSeconds(60);
      assertThat(guard.admit("a", "c" + i, t)).isEqualTo(LookupGuard.Verdict.ALLOW);
    }
    t = t.plusSeconds(60);
    assertThat(guard.admit("a", "c5", t)).isEqualTo(LookupGuard.Verdict.ALLOW_BULK);
    t = t.plusSeconds(60);
    assertThat(guard.admit("a", "c6", t)).as("once an hour").isEqualTo(LookupGuard.Verdict.ALLOW);
    // The same citizen again is not a new one.
    assertThat(guard.admit("a", "c6", t.plusSeconds(60))).isEqualTo(LookupGuard.Verdict.ALLOW);
  }

  @Test
  void citizensOlderThanAnHourNoLongerCount() {
    for (int i = 1; i <= 4; i++) {
      assertThat(guard.admit("a", "c" + i, T0.plusSeconds(60L * i)))
          .isEqualTo(LookupGuard.Verdict.ALLOW);
    }
    assertThat(guard.admit("a", "c5", T0.plusSeconds(3700))).isEqualTo(LookupGuard.Verdict.ALLOW);
  }
}
