package vn.yte.iam.mfa.alert;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.yte.iam.mfa.audit.AuditEvent;
import vn.yte.iam.mfa.audit.AuditRecord;
import vn.yte.iam.mfa.audit.AuditService;
import vn.yte.iam.mfa.audit.DeliveryCursors;

/**
 * Reads the trail after its cursor and appends a {@code SECURITY_ALERT} record for each SEC-2
 * signal (brute force, password spraying, shared-account detections from Keycloak; bulk lookups are
 * raised by the gateway itself). Alerts and the cursor move in one transaction: a crash repeats a
 * scan, never skips one, and the window check keeps a repeat from alerting twice.
 */
@Service
public class AlertDetector {
  static final String CURSOR = "detector";
  static final int BATCH = 1000;

  private final AuditService audit;
  private final AlertRepository store;
  private final AlertProperties limits;
  private final DeliveryCursors cursors;

  AlertDetector(
      AuditService audit, AlertRepository store, AlertProperties limits, DeliveryCursors cursors) {
    this.audit = audit;
    this.cursors = cursors;
    this.store = store;
    this.limits = limits;
  }

  /** Scans one batch of at most {@link #BATCH} records; returns how many it scanned. */
  @Transactional
  public int scanOnce() {
    long cursor = cursors.lock(CURSOR);
    List<AuditRecord> batch = audit.after(cursor, null, BATCH);
    if (batch.isEmpty()) {
      return 0;
    }
    List<AuditEvent> alerts = new ArrayList<>();
    Set<String> raised = new HashSet<>();
    Detections.Counts counts = withRaised(raised);
    for (AuditRecord r : batch) {
      if (Alert.TYPE.equals(r.event().type())) {
        continue;
      }
      for (AuditEvent alert : Detections.of(r, limits, counts)) {
        raised.add(key(alert.outcome(), alert.actorUsername(), alert.sourceIp()));
        alerts.add(alert);
      }
    }
    audit.appendAll(alerts);
    cursors.advance(CURSOR, batch.get(batch.size() - 1).seq());
    return batch.size();
  }

  /** The store's answers, plus the alerts of this batch not yet appended. */
  private Detections.Counts withRaised(Set<String> raised) {
    return new Detections.Counts() {
      @Override
      public long failuresOf(String username, Instant since, Instant until) {
        return store.failuresOf(username, since, until);
      }

      @Override
      public long accountsFailingFrom(String address, Instant since, Instant until) {
        return store.accountsFailingFrom(address, since, until);
      }

      @Override
      public boolean alerted(String kind, String username, String address, Instant since) {
        return raised.contains(key(kind, username, address))
            || store.alerted(kind, username, address, since);
      }
    };
  }

  private static String key(String kind, String username, String address) {
    return kind + "|" + (username != null ? "u:" + username : "a:" + address);
  }
}
