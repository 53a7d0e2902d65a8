package vn.yte.iam.mfa.lookup;

import java.time.Clock;
import java.time.Duration;
import org.springframework.stereotype.Component;
import vn.yte.iam.mfa.schedule.PeriodicLifecycle;

/**
 * Every minute, deletes what has left the lookup windows. Each instance runs it; that is harmless.
 * A margin of one window keeps rows another instance, its clock a little behind, still counts.
 */
@Component
class LookupWindowPruning extends PeriodicLifecycle {
  LookupWindowPruning(LookupWindows windows, Clock clock) {
    super(
        "lookup-window-pruning",
        Duration.ofMinutes(1),
        () ->
            windows.prune(
                clock.instant().minus(LookupGuard.MINUTE.multipliedBy(2)),
                clock.instant().minus(LookupGuard.HOUR.multipliedBy(2))));
  }
}
