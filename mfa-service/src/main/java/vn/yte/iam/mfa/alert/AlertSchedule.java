package vn.yte.iam.mfa.alert;

import org.springframework.stereotype.Component;
import vn.yte.iam.mfa.schedule.PeriodicLifecycle;

/** Every interval: scan the trail up to its end for SEC-2 signals, then deliver to the webhook. */
@Component
class AlertSchedule extends PeriodicLifecycle {
  AlertSchedule(AlertDetector detector, WebhookSender webhook, AlertProperties properties) {
    super(
        "security-alerts",
        properties.interval(),
        () -> {
          while (detector.scanOnce() == AlertDetector.BATCH) {
            // a full batch: there may be more behind it
          }
          if (webhook.enabled()) {
            webhook.deliverOnce();
          }
        });
  }
}
