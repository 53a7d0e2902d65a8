package vn.yte.iam.mfa.ingest;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import vn.yte.iam.mfa.schedule.PeriodicLifecycle;

/** Runs {@link EventIngest} every {@code yte.ingest.interval} while the service runs. */
@Component
@ConditionalOnProperty(name = "yte.ingest.enabled", havingValue = "true")
class IngestSchedule extends PeriodicLifecycle {
  IngestSchedule(EventIngest ingest, IngestProperties properties) {
    super("keycloak-event-ingest", properties.interval(), ingest::pullOnce);
    if (properties.clientSecret() == null || properties.clientSecret().isBlank()) {
      throw new IllegalStateException(
          "yte.ingest.enabled needs YTE_INGEST_CLIENT_SECRET (the mfa-service client's secret)");
    }
  }
}
