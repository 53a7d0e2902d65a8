package vn.yte.iam.keycloak.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class AccountEndDateTest {
  private static final LocalDate LAST_DAY = LocalDate.parse("2026-11-30");

  @Test
  void theWholeLastDayInVietnamIsStillValid() {
    // 2026-11-30 23:59 in Hanoi is 16:59 UTC; midnight in Hanoi is 17:00 UTC.
    assertThat(AccountEndDate.ended(LAST_DAY, Instant.parse("2026-11-30T16:59:59Z"))).isFalse();
    assertThat(AccountEndDate.ended(LAST_DAY, Instant.parse("2026-11-30T17:00:00Z"))).isTrue();
    assertThat(AccountEndDate.ended(LAST_DAY, Instant.parse("2026-11-29T03:00:00Z"))).isFalse();
  }
}
