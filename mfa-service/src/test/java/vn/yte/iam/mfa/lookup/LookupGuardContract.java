package vn.yte.iam.mfa.lookup;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import vn.yte.iam.mfa.lookup.LookupGuard.Verdict;

/**
 * The per-account rate limit and bulk-lookup detection (LOG-2, SEC-2) on a hand-moved clock, run
 * against each supported database. An "instance" here is a guard with its own connection pool, as
 * each mfa-service process has: instances sharing a database share the limits.
 */
abstract class LookupGuardContract {
  static final Instant T0 = Instant.parse("2026-11-23T08:00:00Z");
  static final LookupLimits LIMITS = new LookupLimits(3, 4);

  private final List<HikariDataSource> pools = new ArrayList<>();

  /** A new connection pool on this test's database, its schema migrated. */
  abstract HikariDataSource newPool();

  LookupGuard instance(LookupLimits limits) {
    HikariDataSource pool = newPool();
    pools.add(pool);
    return guardOn(pool, limits);
  }

  static LookupGuard guardOn(DataSource pool, LookupLimits limits) {
    return new LookupGuard(limits, windowsOn(pool), new DataSourceTransactionManager(pool));
  }

  @AfterEach
  void closePools() {
    pools.forEach(HikariDataSource::close);
  }

  @Test
  void theFourthLookupInAMinuteIsRefusedAndTheWindowSlides() {
    LookupGuard guard = instance(LIMITS);
    for (int i = 0; i < 3; i++) {
      assertThat(guard.admit("a", "c", T0.plusSeconds(i))).isEqualTo(Verdict.ALLOW);
    }
    assertThat(guard.admit("a", "c", T0.plusSeconds(30))).isEqualTo(Verdict.REFUSE);
    assertThat(guard.admit("b", "c", T0.plusSeconds(30)))
        .as("another account has its own window")
        .isEqualTo(Verdict.ALLOW);
    assertThat(guard.admit("a", "c", T0.plusSeconds(60)))
        .as("a lookup exactly a minute ago still counts")
        .isEqualTo(Verdict.REFUSE);
    assertThat(guard.admit("a", "c", T0.plusSeconds(61))).isEqualTo(Verdict.ALLOW);
  }

  @Test
  void manyDistinctCitizensInAnHourRaiseOneBulkAlertAnHour() {
    LookupGuard guard = instance(LIMITS);
    for (int i = 1; i <= 4; i++) {
      assertThat(lookUp(guard, "a", "c" + i, T0.plusSeconds(60L * i))).isEqualTo(Verdict.ALLOW);
    }
    assertThat(lookUp(guard, "a", "c4", T0.plusSeconds(300)))
        .as("the same citizen again is not a new one")
        .isEqualTo(Verdict.ALLOW);
    assertThat(lookUp(guard, "a", "c5", T0.plusSeconds(360))).isEqualTo(Verdict.ALLOW_BULK);
    for (int i = 6; i <= 9; i++) {
      assertThat(lookUp(guard, "a", "c" + i, T0.plusSeconds(60L * i + 60)))
          .as("one alert an hour")
          .isEqualTo(Verdict.ALLOW);
    }
    // More than an hour after the alert, c6..c9 and this one are five citizens within the hour.
    assertThat(lookUp(guard, "a", "c10", T0.plusSeconds(360 + 3601))).isEqualTo(Verdict.ALLOW_BULK);
  }

  @Test
  void citizensOlderThanAnHourNoLongerCount() {
    LookupGuard guard = instance(LIMITS);
    for (int i = 1; i <= 4; i++) {
      assertThat(lookUp(guard, "a", "c" + i, T0.plusSeconds(60L * i))).isEqualTo(Verdict.ALLOW);
    }
    // c1 was at T0+60 s; at T0+3700 s it has left the hour, so c5 makes four, not five.
    assertThat(lookUp(guard, "a", "c5", T0.plusSeconds(3700))).isEqualTo(Verdict.ALLOW);
    // A citizen looked up again is counted from its last lookup: c2 (T0+120 s) again now.
    assertThat(lookUp(guard, "a", "c2", T0.plusSeconds(3710))).isEqualTo(Verdict.ALLOW);
    assertThat(lookUp(guard, "a", "c6", T0.plusSeconds(3770)))
        .as("c2 (again at 3710 s), c3, c4, c5, c6 within the hour from 170 s")
        .isEqualTo(Verdict.ALLOW_BULK);
  }

  @Test
  void aBulkAlertThatWasNotRecordedIsRaisedAgain() {
    LookupGuard guard = instance(LIMITS);
    for (int i = 1; i <= 4; i++) {
      assertThat(guard.admit("a", "c" + i, T0.plusSeconds(60L * i))).isEqualTo(Verdict.ALLOW);
    }
    assertThat(guard.admit("a", "c5", T0.plusSeconds(300))).isEqualTo(Verdict.ALLOW_BULK);
    // the alert's audit record failed: bulkAlertRaised was not called
    assertThat(guard.admit("a", "c6", T0.plusSeconds(360))).isEqualTo(Verdict.ALLOW_BULK);
    guard.bulkAlertRaised("a", T0.plusSeconds(360));
    assertThat(guard.admit("a", "c7", T0.plusSeconds(420))).isEqualTo(Verdict.ALLOW);
  }

  /** What LookupService does: admit, and report a bulk alert once it is recorded. */
  static Verdict lookUp(LookupGuard guard, String account, String citizenRef, Instant at) {
    Verdict verdict = guard.admit(account, citizenRef, at);
    if (verdict == Verdict.ALLOW_BULK) {
      guard.bulkAlertRaised(account, at);
    }
    return verdict;
  }

  @Test
  void instancesSharingTheDatabaseShareTheLimitAndARestartForgetsNothing() {
    LookupGuard first = instance(LIMITS);
    LookupGuard second = instance(LIMITS);
    assertThat(first.admit("a", "c", T0)).isEqualTo(Verdict.ALLOW);
    assertThat(second.admit("a", "c", T0.plusSeconds(1))).isEqualTo(Verdict.ALLOW);
    assertThat(first.admit("a", "c", T0.plusSeconds(2))).isEqualTo(Verdict.ALLOW);
    assertThat(second.admit("a", "c", T0.plusSeconds(3)))
        .as("the fourth in the minute, on the other instance")
        .isEqualTo(Verdict.REFUSE);
    LookupGuard restarted = instance(LIMITS);
    assertThat(restarted.admit("a", "c", T0.plusSeconds(4))).isEqualTo(Verdict.REFUSE);
  }

  @Test
  void concurrentLookupsOnTwoInstancesAdmitExactlyTheLimit() throws Exception {
    LookupLimits limits = new LookupLimits(10, 1_000);
    List<LookupGuard> instances = List.of(instance(limits), instance(limits));
    ExecutorService threads = Executors.newFixedThreadPool(16);
    try {
      List<Callable<Verdict>> lookups = new ArrayList<>();
      for (int i = 0; i < 60; i++) {
        LookupGuard guard = instances.get(i % 2);
        String citizen = "c" + i;
        lookups.add(() -> guard.admit("busy", citizen, T0));
      }
      int allowed = 0;
      for (Future<Verdict> f : threads.invokeAll(lookups)) {
        allowed += f.get() == Verdict.ALLOW ? 1 : 0;
      }
      assertThat(allowed).isEqualTo(10);
    } finally {
      threads.shutdownNow();
    }
  }

  @Test
  void pruningDeletesOnlyWhatHasLeftTheWindows() {
    HikariDataSource pool = newPool();
    pools.add(pool);
    LookupGuard guard = guardOn(pool, LIMITS);
    LookupWindows windows = windowsOn(pool);
    guard.admit("a", "old", T0);
    guard.admit("a", "new", T0.plusSeconds(3000));

    assertThat(windows.prune(T0.plusSeconds(1), T0.plusSeconds(1)))
        .as("T0's admission and citizen")
        .isEqualTo(2);
    JdbcClient jdbc = JdbcClient.create(pool);
    assertThat(jdbc.sql("SELECT citizen_ref FROM lookup_citizen").query(String.class).list())
        .containsExactly("new");
    assertThat(jdbc.sql("SELECT COUNT(*) FROM lookup_admission").query(Long.class).single())
        .isEqualTo(1);
  }

  static LookupWindows windowsOn(DataSource pool) {
    try {
      return new LookupWindows(JdbcClient.create(pool), pool);
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
