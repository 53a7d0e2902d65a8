package vn.yte.iam.mfa.schedule;

import java.time.Duration;
import org.springframework.context.SmartLifecycle;

/** Runs a {@link Periodic} task from the application's start to its stop. */
public abstract class PeriodicLifecycle implements SmartLifecycle {
  private final String name;
  private final Duration interval;
  private final Runnable task;
  private Periodic running;

  protected PeriodicLifecycle(String name, Duration interval, Runnable task) {
    this.name = name;
    this.interval = interval;
    this.task = task;
  }

  @Override
  public synchronized void start() {
    running = Periodic.start(name, interval, task);
  }

  @Override
  public synchronized void stop() {
    if (running != null) {
      running.close();
      running = null;
    }
  }

  @Override
  public synchronized boolean isRunning() {
    return running != null;
  }
}
