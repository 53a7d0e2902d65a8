package vn.yte.iam.mfa.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.yte.iam.mfa.audit.AuditEvent;
import vn.yte.iam.mfa.audit.AuditService;
import vn.yte.iam.mfa.audit.Checkpoint;
import vn.yte.iam.mfa.audit.Checkpoints;
import vn.yte.iam.mfa.compliance.Finding.Status;

/**
 * SEC-6 over the real store: the report follows the latest signed checkpoint, and says Keycloak's
 * part is not assessed when Keycloak cannot be reached (nothing listens on the issuer's port).
 */
@SpringBootTest(
    properties = {
      "spring.datasource.url=jdbc:h2:mem:compliance;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE",
      "yte.population.api-key=unused",
      "yte.population.citizen-key=0123456789abcdef0123456789abcdef",
      "yte.token.issuer=http://127.0.0.1:9/realms/unit",
      "yte.ingest.client-secret=unused"
    })
class ComplianceServiceTest {
  @Autowired ComplianceService compliance;
  @Autowired AuditService audit;
  @Autowired Checkpoints checkpoints;
  @Autowired JdbcTemplate jdbc;

  private Finding finding(ComplianceReport report, String id) {
    return report.findings().stream()
        .filter(f -> f.requirement().equals(id))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void aForgedLatestCheckpointBreaksLog5AndUnreachableKeycloakIsNotAssessed() {
    audit.append(
        new AuditEvent(
            "TEST",
            "OK",
            "sub",
            "user",
            "sid",
            "his-demo",
            "127.0.0.1",
            null,
            null,
            null,
            null,
            "compliance"));
    Checkpoint latest = checkpoints.seal().orElseThrow();

    ComplianceReport sound = compliance.report();
    assertThat(sound.realm()).isEqualTo("unit");
    assertThat(sound.keycloakError()).contains("Keycloak unreachable");
    assertThat(finding(sound, "MFA-1").status()).isEqualTo(Status.NOT_ASSESSED);
    Finding log5 = finding(sound, "LOG-5");
    // Sound chain, but no WORM directory set in this test.
    assertThat(log5.status()).isEqualTo(Status.PARTIAL);
    assertThat(log5.notes().get(0).en()).startsWith("The latest signed checkpoint (");

    String forged = latest.jws().substring(0, latest.jws().length() - 4) + "AAAA";
    jdbc.update("UPDATE audit_checkpoint SET jws = ? WHERE seq = ?", forged, latest.seq());
    try {
      Finding broken = finding(compliance.report(), "LOG-5");
      assertThat(broken.status()).isEqualTo(Status.NOT_MET);
      assertThat(broken.notes().get(0).en())
          .isEqualTo(
              "The latest signed checkpoint does not hold: checkpoint #"
                  + latest.seq()
                  + " no longer seals the chain");
    } finally {
      jdbc.update("UPDATE audit_checkpoint SET jws = ? WHERE seq = ?", latest.jws(), latest.seq());
    }
  }
}
