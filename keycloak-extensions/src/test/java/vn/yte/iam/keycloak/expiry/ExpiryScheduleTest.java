package vn.yte.iam.keycloak.expiry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ExpiryScheduleTest {
  private static final Instant NOW = Instant.parse("2026-11-22T03:00:00Z");

  private static PasswordAge changedDaysAgo(double days, int maxAge) {
    return PasswordAge.of(NOW.minus(Duration.ofMinutes((long) (days * 24 * 60))), maxAge, NOW);
  }

  @Test
  void daysLeftRoundUpAndExpiryIsExact() {
    assertThat(changedDaysAgo(0, 180).daysLeft()).isEqualTo(180);
    assertThat(changedDaysAgo(170, 180).daysLeft()).isEqualTo(10);
    assertThat(changedDaysAgo(179.9, 180).daysLeft()).isEqualTo(1);
    assertThat(changedDaysAgo(179.9, 180).expired()).isFalse();
    assertThat(changedDaysAgo(180, 180).expired()).isTrue();
    assertThat(changedDaysAgo(400, 180).expired()).isTrue();
  }

  @Test
  void loginWarningWithinTheLargestThreshold() {
    WarningSchedule schedule = WarningSchedule.parse("1,14,7");
    assertThat(schedule.thresholds()).containsExactly(14, 7, 1);
    assertThat(schedule.warnAtLogin(changedDaysAgo(165, 180))).isFalse();
    assertThat(schedule.warnAtLogin(changedDaysAgo(167, 180))).isTrue();
    assertThat(schedule.warnAtLogin(changedDaysAgo(181, 180))).isFalse();
  }

  @Test
  void eachEmailThresholdIsSentOnceAndOnlyTheMostUrgent() {
    WarningSchedule schedule = WarningSchedule.parse("14,7,1");
    PasswordAge tenLeft = changedDaysAgo(170, 180);
    assertThat(schedule.noticeDue(tenLeft, null)).hasValue(14);
    assertThat(schedule.noticeDue(tenLeft, 14)).isEmpty();
    PasswordAge fiveLeft = changedDaysAgo(175, 180);
    assertThat(schedule.noticeDue(fiveLeft, 14)).hasValue(7);
    assertThat(schedule.noticeDue(changedDaysAgo(179.5, 180), null)).hasValue(1);
    assertThat(schedule.noticeDue(changedDaysAgo(100, 180), null)).isEmpty();
    assertThat(schedule.noticeDue(changedDaysAgo(200, 180), null)).isEmpty();
  }

  @Test
  void badWarningDaysAreRefusedWithAReason() {
    assertThatThrownBy(() -> WarningSchedule.parse("14,abc"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("14,7,1");
    assertThatThrownBy(() -> WarningSchedule.parse("0"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void directoryTimestampsInEveryFormat() {
    Instant t = Instant.parse("2026-05-01T08:30:00Z");
    assertThat(PasswordChanged.parse("20260501083000Z")).contains(t);
    assertThat(PasswordChanged.parse("20260501083000.000Z")).contains(t);
    assertThat(
            PasswordChanged.parse(
                String.valueOf(t.toEpochMilli() * 10_000 + 116_444_736_000_000_000L)))
        .contains(t);
    assertThat(PasswordChanged.parse("2026-05-01T08:30:00Z")).contains(t);
    assertThat(PasswordChanged.parse(String.valueOf(t.toEpochMilli()))).contains(t);
    assertThat(PasswordChanged.parse("0")).isEmpty();
    assertThat(PasswordChanged.parse("yesterday")).isEmpty();
  }
}
