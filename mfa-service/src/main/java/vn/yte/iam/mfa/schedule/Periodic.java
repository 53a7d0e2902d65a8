package vn.yte.iam.mfa.schedule;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A task run on its own daemon thread at a fixed delay. A failed run is logged and the task runs
 * again at the next tick, so a database or Keycloak outage delays work but never stops it.
 */
public final class Periodic implements AutoCloseable {
  /** How long closing waits for a run in progress before interrupting it. */
  static final Duration GRACE = Duration.ofSeconds(10);

  private static final Logger log = LoggerFactory.getLogger(Periodic.class);
  private final ScheduledExecutorService executor;

  private Periodic(ScheduledExecutorService executor) {
    this.executor = executor;
  }

  public static Periodic start(String name, Duration every, Runnable task) {
    ScheduledExecutorService executor =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, name);
              t.setDaemon(true);
              return t;
            });
    executor.scheduleWithFixedDelay(
        () -> {
          try {
            task.run();
          } catch (RuntimeException e) {
            log.warn("{} failed, retrying at the next tick: {}", name, e.getMessage());
          }
        },
        0,
        every.toMillis(),
        TimeUnit.MILLISECONDS);
    return new Periodic(executor);
  }

  @Override
  public void close() {
    close(GRACE);
  }

  /**
   * No run starts after this; one in progress may end within {@code grace} (a pull commits or rolls
   * back while the database is still open, instead of failing as the application closes it under
   * the run), and is interrupted after that.
   */
  void close(Duration grace) {
    executor.shutdown();
    try {
      if (!executor.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
        executor.shutdownNow();
      }
    } catch (InterruptedException e) {
      executor.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
