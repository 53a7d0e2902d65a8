package vn.yte.iam.mfa.lookup;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Counts each account's lookups (LOG-2, SEC-2): a sliding minute for the rate limit and a sliding
 * hour of distinct citizens for bulk detection. The windows are in the database ({@link
 * LookupWindows}), so with several instances an account still gets one limit, not one per instance,
 * and a restart forgets nothing. Instances are assumed to keep time by NTP, as the audit chain's
 * timestamps already require.
 */
@Component
class LookupGuard {
  static final Duration MINUTE = Duration.ofMinutes(1);
  static final Duration HOUR = Duration.ofHours(1);

  /** What to do with a lookup. */
  enum Verdict {
    ALLOW,
    /**
     * Allow, and raise the bulk-lookup alert; once it is recorded, report it with {@link
     * #bulkAlertRaised}, which holds further alerts for the account back for an hour.
     */
    ALLOW_BULK,
    REFUSE
  }

  private final LookupLimits limits;
  private final LookupWindows windows;
  private final TransactionTemplate transaction;

  LookupGuard(LookupLimits limits, LookupWindows windows, PlatformTransactionManager transactions) {
    this.limits = limits;
    this.windows = windows;
    this.transaction = new TransactionTemplate(transactions);
  }

  /**
   * Decides on a lookup and, unless refused, counts it. Throws if the database cannot be reached:
   * the caller must then refuse the lookup.
   */
  Verdict admit(String account, String citizenRef, Instant now) {
    Instant at = now.truncatedTo(ChronoUnit.MICROS); // what the database keeps
    return transaction.execute(
        status -> {
          LookupWindows.Window window =
              windows.admit(
                  account,
                  citizenRef,
                  at,
                  at.minus(MINUTE),
                  at.minus(HOUR),
                  limits.bulkDistinctPerHour());
          Verdict verdict =
              verdict(
                  limits,
                  window.admittedLastMinute(),
                  window.otherCitizensLastHour() + 1,
                  window.lastFlagged(),
                  at);
          if (verdict == Verdict.REFUSE) {
            status.setRollbackOnly(); // a refused lookup is not counted
          }
          return verdict;
        });
  }

  /**
   * The bulk-lookup alert for this account is in the audit trail. Only then is the account held
   * back from further alerts: an alert that could not be recorded is raised again by the next
   * lookup, never lost. (Two lookups racing past the threshold may both raise one.)
   */
  void bulkAlertRaised(String account, Instant now) {
    Instant at = now.truncatedTo(ChronoUnit.MICROS);
    transaction.executeWithoutResult(status -> windows.flagBulk(account, at));
  }

  /**
   * The rule itself: refused once {@code perMinute} lookups were admitted in the last minute;
   * flagged when, with this one, more than {@code bulkDistinctPerHour} distinct citizens were
   * looked up in the last hour, unless an alert was raised within the hour already.
   */
  static Verdict verdict(
      LookupLimits limits,
      long admittedLastMinute,
      long citizensLastHour,
      Optional<Instant> lastFlagged,
      Instant now) {
    if (admittedLastMinute >= limits.perMinute()) {
      return Verdict.REFUSE;
    }
    boolean flaggedWithinHour = lastFlagged.filter(f -> !f.isBefore(now.minus(HOUR))).isPresent();
    if (citizensLastHour > limits.bulkDistinctPerHour() && !flaggedWithinHour) {
      return Verdict.ALLOW_BULK;
    }
    return Verdict.ALLOW;
  }

  int perMinute() {
    return limits.perMinute();
  }

  int bulkThreshold() {
    return limits.bulkDistinctPerHour();
  }
}
