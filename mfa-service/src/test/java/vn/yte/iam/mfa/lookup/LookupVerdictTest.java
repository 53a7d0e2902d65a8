package vn.yte.iam.mfa.lookup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import vn.yte.iam.mfa.lookup.LookupGuard.Verdict;

/** The rule of {@link LookupGuard} on its own, without a database: its edges. */
class LookupVerdictTest {
  static final LookupLimits LIMITS = new LookupLimits(30, 50);
  static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");

  static Verdict verdict(long lastMinute, long citizens, Optional<Instant> flagged) {
    return LookupGuard.verdict(LIMITS, lastMinute, citizens, flagged, NOW);
  }

  @Test
  void theLimitIsReachedAtPerMinute() {
    assertThat(verdict(29, 1, Optional.empty())).isEqualTo(Verdict.ALLOW);
    assertThat(verdict(30, 1, Optional.empty())).isEqualTo(Verdict.REFUSE);
  }

  @Test
  void aRefusalWinsOverABulkAlert() {
    assertThat(verdict(30, 51, Optional.empty())).isEqualTo(Verdict.REFUSE);
  }

  @Test
  void bulkMeansMoreThanTheThreshold() {
    assertThat(verdict(0, 50, Optional.empty())).isEqualTo(Verdict.ALLOW);
    assertThat(verdict(0, 51, Optional.empty())).isEqualTo(Verdict.ALLOW_BULK);
  }

  @Test
  void anAlertWithinTheHourHoldsTheNextBack() {
    assertThat(verdict(0, 51, Optional.of(NOW.minusSeconds(3600)))).isEqualTo(Verdict.ALLOW);
    assertThat(verdict(0, 51, Optional.of(NOW.minusSeconds(3601)))).isEqualTo(Verdict.ALLOW_BULK);
  }
}
