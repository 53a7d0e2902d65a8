package vn.yte.iam.mfa.audit;

import org.springframework.stereotype.Component;
import vn.yte.iam.mfa.schedule.PeriodicLifecycle;

/**
 * Seals a checkpoint every {@code yte.audit.checkpoint.interval} while the service runs, then
 * exports the sealed segments when an export directory is set.
 */
@Component
class CheckpointSchedule extends PeriodicLifecycle {
  CheckpointSchedule(
      Checkpoints checkpoints, SegmentExport export, CheckpointProperties properties) {
    super(
        "audit-checkpoint",
        properties.interval(),
        () -> {
          checkpoints.seal();
          if (properties.exportDir() != null) {
            export.exportSealed(properties.exportDir());
          }
        });
  }
}
