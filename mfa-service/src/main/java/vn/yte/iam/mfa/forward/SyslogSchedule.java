package vn.yte.iam.mfa.forward;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.stereotype.Component;
import vn.yte.iam.mfa.schedule.PeriodicLifecycle;

/** Forwards to the syslog collector every interval, when one is configured. */
@Component
@ConditionalOnExpression("!'${yte.syslog.host:}'.isBlank()")
class SyslogSchedule extends PeriodicLifecycle {
  SyslogSchedule(SyslogForwarder forwarder, SyslogProperties properties) {
    super(
        "syslog-forwarder",
        properties.interval(),
        () -> {
          while (forwarder.forwardOnce() == SyslogForwarder.BATCH) {
            // a full batch: there may be more behind it
          }
        });
  }
}
