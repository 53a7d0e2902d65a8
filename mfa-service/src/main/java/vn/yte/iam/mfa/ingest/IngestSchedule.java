package vn.yte.iam.mfa.ingest;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import vn.yte.iam.mfa.schedule.Periodic;

/** Runs {@link EventIngest} every {@code yte.ingest.interval} while the service runs. */
@Component
@ConditionalOnProperty(name = "yte.ingest.enabled", havingValue = "true")
class IngestSchedule implements SmartLifecycle {
  private final EventIngest ingest;
  private final IngestProperties properties;
  private Periodic task;

  IngestSchedule(EventIngest ingest, IngestProperties properties) {
    if (properties.clientSecret() == null || properties.clientSecret().isBlank()) {
      throw new IllegalStateException(
          "yte.ingest.enabled needs YTE_INGEST_CLIENT_SECRET (the mfa-service client's secret)");
    }
    this.ingest = ingest;
    this.properties = properties;
  }

  @Override
  public synchronized void start() {
    task = Periodic.start("keycloak-event-ingest", properties.interval(), ingest::pullOnce);
  }

  @Override
  public synchronized void stop() {
    if (task != null) {
      task.close();
      task = null;
    }
  }

  @Override
  public synchronized boolean isRunning() {
    return task != null;
  }
}
