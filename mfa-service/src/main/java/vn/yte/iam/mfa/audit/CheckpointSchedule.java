package vn.yte.iam.mfa.audit;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import vn.yte.iam.mfa.schedule.Periodic;

/** Seals a checkpoint every {@code yte.audit.checkpoint.interval} while the service runs. */
@Component
class CheckpointSchedule implements SmartLifecycle {
  private final Checkpoints checkpoints;
  private final CheckpointProperties properties;
  private Periodic task;

  CheckpointSchedule(Checkpoints checkpoints, CheckpointProperties properties) {
    this.checkpoints = checkpoints;
    this.properties = properties;
  }

  @Override
  public synchronized void start() {
    task = Periodic.start("audit-checkpoint", properties.interval(), checkpoints::seal);
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
