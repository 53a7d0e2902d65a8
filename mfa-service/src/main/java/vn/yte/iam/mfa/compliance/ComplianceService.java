package vn.yte.iam.mfa.compliance;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import vn.yte.iam.mfa.alert.AlertProperties;
import vn.yte.iam.mfa.audit.Checkpoint;
import vn.yte.iam.mfa.audit.CheckpointProperties;
import vn.yte.iam.mfa.audit.Checkpoints;
import vn.yte.iam.mfa.forward.SyslogProperties;
import vn.yte.iam.mfa.ingest.EventIngest;
import vn.yte.iam.mfa.ingest.KeycloakEventClient;
import vn.yte.iam.mfa.security.TokenProperties;

/** SEC-6: assembles the self-assessment of the unit this service serves, at any time. */
@Service
class ComplianceService {
  private static final Logger log = LoggerFactory.getLogger(ComplianceService.class);

  private final KeycloakEventClient keycloak;
  private final EventIngest ingest;
  private final Checkpoints checkpoints;
  private final CheckpointProperties checkpointProperties;
  private final AlertProperties alerts;
  private final SyslogProperties syslog;
  private final TokenProperties tokens;
  private final Clock clock;

  ComplianceService(
      KeycloakEventClient keycloak,
      EventIngest ingest,
      Checkpoints checkpoints,
      CheckpointProperties checkpointProperties,
      AlertProperties alerts,
      SyslogProperties syslog,
      TokenProperties tokens,
      Clock clock) {
    this.keycloak = keycloak;
    this.ingest = ingest;
    this.checkpoints = checkpoints;
    this.checkpointProperties = checkpointProperties;
    this.alerts = alerts;
    this.syslog = syslog;
    this.tokens = tokens;
    this.clock = clock;
  }

  ComplianceReport report() {
    List<Finding> fromKeycloak = null;
    String keycloakError = null;
    try {
      fromKeycloak = ComplianceReport.fromKeycloak(keycloak.realmAssessment());
    } catch (RuntimeException e) {
      keycloakError = e.getMessage();
      log.warn("Keycloak's self-assessment unavailable: {}", keycloakError);
    }
    Instant now = clock.instant();
    return ComplianceReport.merge(
        keycloak.realmName(),
        now,
        fromKeycloak,
        keycloakError,
        ServiceAssessment.assess(facts(), now));
  }

  private ServiceFacts facts() {
    EventIngest.Status pulls = ingest.status();
    // Only the latest checkpoint: the report must stay cheap as the trail grows. Checking every
    // checkpoint and record is the auditor's whole-chain verification.
    Optional<Checkpoint> latest = checkpoints.latest();
    String checkpointProblem =
        latest
            .filter(c -> !checkpoints.sealsOf(List.of(c.seq())).getOrDefault(c.seq(), false))
            .map(c -> "checkpoint #" + c.seq() + " no longer seals the chain")
            .orElse(null);
    return new ServiceFacts(
        pulls.enabled(),
        pulls.interval(),
        pulls.lastCompleted(),
        pulls.lastFailure(),
        checkpointProblem,
        latest.map(Checkpoint::createdAt).orElse(null),
        checkpointProperties.interval(),
        checkpointProperties.exportDir() != null,
        notBlank(alerts.webhookUrl()),
        notBlank(syslog.host()),
        tokens.issuer(),
        tokens.mfaAcr(),
        tokens.mfaMaxAge());
  }

  private static boolean notBlank(String s) {
    return s != null && !s.isBlank();
  }
}
