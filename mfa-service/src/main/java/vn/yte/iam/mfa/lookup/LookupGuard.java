package vn.yte.iam.mfa.lookup;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Counts each account's lookups: a sliding minute for the rate limit and a sliding hour of distinct
 * citizens for bulk detection. State is per service instance and in memory: with N instances an
 * account can reach N times the rate, and a restart forgets the windows.
 */
@Component
class LookupGuard {
  static final Duration MINUTE = Duration.ofMinutes(1);
  static final Duration HOUR = Duration.ofHours(1);

  /** What to do with a lookup. */
  enum Verdict {
    ALLOW,
    /** Allow, and raise the bulk-lookup alert (once an hour per account). */
    ALLOW_BULK,
    REFUSE
  }

  private final LookupLimits limits;
  private final Map<String, Window> windows = new ConcurrentHashMap<>();

  LookupGuard(LookupLimits limits) {
    this.limits = limits;
  }

  Verdict admit(String account, String citizenRef, Instant now) {
    return windows.computeIfAbsent(account, a -> new Window()).admit(citizenRef, now);
  }

  int perMinute() {
    return limits.perMinute();
  }

  int bulkThreshold() {
    return limits.bulkDistinctPerHour();
  }

  private final class Window {
    private final Deque<Instant> recent = new ArrayDeque<>();
    private final Map<String, Instant> citizens = new LinkedHashMap<>();
    private Instant flagged = Instant.MIN;

    synchronized Verdict admit(String citizenRef, Instant now) {
      while (!recent.isEmpty() && recent.peekFirst().isBefore(now.minus(MINUTE))) {
        recent.removeFirst();
      }
      if (recent.size() >= limits.perMinute()) {
        return Verdict.REFUSE;
      }
      recent.addLast(now);
      citizens.remove(citizenRef); // re-insert: insertion order is recency
      citizens.put(citizenRef, now);
      for (Iterator<Instant> it = citizens.values().iterator(); it.hasNext(); ) {
        if (it.next().isBefore(now.minus(HOUR))) {
          it.remove();
        } else {
          break;
        }
      }
      if (citizens.size() > limits.bulkDistinctPerHour() && flagged.isBefore(now.minus(HOUR))) {
        flagged = now;
        return Verdict.ALLOW_BULK;
      }
      return Verdict.ALLOW;
    }
  }
}
