package vn.yte.iam.mfa.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.yte.iam.mfa.compliance.Finding.Status;

/** SEC-6: this service's part of the self-assessment, and how it joins Keycloak's. */
class ComplianceReportTest {
  static final Instant NOW = Instant.parse("2026-11-24T08:00:00Z");

  static ServiceFacts healthy() {
    return new ServiceFacts(
        true,
        Duration.ofSeconds(10),
        NOW.minusSeconds(5),
        null,
        null,
        NOW.minusSeconds(30),
        Duration.ofMinutes(1),
        true,
        true,
        false,
        "https://sso.benhvien.vn/realms/benhvien",
        List.of("mfa", "mfa-fresh"),
        Duration.ofHours(1));
  }

  private static Finding find(List<Finding> findings, String id) {
    return findings.stream().filter(f -> f.requirement().equals(id)).findFirst().orElseThrow();
  }

  private static Status status(ServiceFacts facts, String id) {
    return find(ServiceAssessment.assess(facts, NOW), id).status();
  }

  private static ServiceFacts with(ServiceFacts f, Map<String, Object> changes) {
    return new ServiceFacts(
        (boolean) changes.getOrDefault("ingestEnabled", f.ingestEnabled()),
        f.ingestInterval(),
        (Instant) changes.getOrDefault("ingestCompleted", f.ingestCompleted()),
        (String) changes.getOrDefault("ingestFailure", f.ingestFailure()),
        (String) changes.getOrDefault("checkpointProblem", f.checkpointProblem()),
        f.lastCheckpoint(),
        f.checkpointInterval(),
        (boolean) changes.getOrDefault("exportDirSet", f.exportDirSet()),
        (boolean) changes.getOrDefault("webhookSet", f.webhookSet()),
        f.syslogSet(),
        (String) changes.getOrDefault("issuer", f.issuer()),
        f.mfaAcr(),
        f.mfaMaxAge());
  }

  @Test
  void aHealthyServiceMeetsWhatItHolds() {
    assertThat(ServiceAssessment.assess(healthy(), NOW))
        .allSatisfy(f -> assertThat(f.status()).as(f.requirement()).isEqualTo(Status.MET));
  }

  @Test
  void aFailedOrStalledIngestBreaksLog1AndLog4() {
    ServiceFacts failed = with(healthy(), Map.of("ingestFailure", "Keycloak: HTTP 403"));
    assertThat(status(failed, "LOG-1")).isEqualTo(Status.NOT_MET);
    assertThat(status(failed, "LOG-4")).isEqualTo(Status.NOT_MET);
    assertThat(find(ServiceAssessment.assess(failed, NOW), "LOG-1").notes().get(0).en())
        .isEqualTo("The last pull of events failed: Keycloak: HTTP 403");
    ServiceFacts stalled = with(healthy(), Map.of("ingestCompleted", NOW.minusSeconds(600)));
    assertThat(status(stalled, "LOG-1")).isEqualTo(Status.NOT_MET);
    assertThat(status(with(healthy(), Map.of("ingestEnabled", false)), "LOG-1"))
        .isEqualTo(Status.NOT_MET);
  }

  @Test
  void aCheckpointThatNoLongerHoldsBreaksLog5() {
    ServiceFacts tampered =
        with(healthy(), Map.of("checkpointProblem", "chain rewritten: record 7"));
    assertThat(status(tampered, "LOG-5")).isEqualTo(Status.NOT_MET);
  }

  @Test
  void withoutWormCopiesOrWebhookThoseRequirementsArePartial() {
    ServiceFacts bare = with(healthy(), Map.of("exportDirSet", false, "webhookSet", false));
    assertThat(status(bare, "LOG-5")).isEqualTo(Status.PARTIAL);
    assertThat(status(bare, "SEC-4")).isEqualTo(Status.PARTIAL);
    assertThat(status(bare, "SEC-2")).isEqualTo(Status.PARTIAL);
  }

  @Test
  void aPlainHttpIssuerBreaksSec1() {
    assertThat(status(with(healthy(), Map.of("issuer", "http://127.0.0.1:8080/realms/x")), "SEC-1"))
        .isEqualTo(Status.NOT_MET);
  }

  @Test
  void theReportCoversEveryRequirementAndTakesTheWorseOfBothParts() {
    List<Finding> keycloak =
        ComplianceReport.fromKeycloak(
            Map.of(
                "findings",
                List.of(
                    Map.of(
                        "requirement",
                        "SEC-1",
                        "status",
                        "PARTIAL",
                        "notes",
                        List.of(Map.of("ok", false, "vi", "TLS trừ mạng nội bộ", "en", "TLS..."))),
                    Map.of("requirement", "PW-1", "status", "MET", "notes", List.of()))));
    ComplianceReport report =
        ComplianceReport.merge(
            "benhvien",
            NOW,
            keycloak,
            null,
            ServiceAssessment.assess(
                with(healthy(), Map.of("issuer", "http://sso/realms/benhvien")), NOW));
    assertThat(report.findings())
        .extracting(Finding::requirement)
        .containsExactlyElementsOf(ComplianceReport.REQUIREMENTS);
    Finding sec1 = find(report.findings(), "SEC-1");
    assertThat(sec1.status()).isEqualTo(Status.NOT_MET);
    assertThat(sec1.notes()).extracting(Finding.Note::source).contains("keycloak", "mfa-service");
    assertThat(find(report.findings(), "PW-1").status()).isEqualTo(Status.MET);
    // Keycloak's, but missing from its answer (an older extension): never met on this service's
    // notes alone.
    assertThat(find(report.findings(), "PW-2").status()).isEqualTo(Status.NOT_ASSESSED);
    Finding sec5 = find(report.findings(), "SEC-5");
    assertThat(sec5.status()).isEqualTo(Status.NOT_ASSESSED);
    assertThat(sec5.notes())
        .extracting(Finding.Note::source, Finding.Note::en)
        .contains(
            tuple("keycloak", "The Keycloak extension in use does not assess this requirement"));
    assertThat(sec5.notes()).extracting(Finding.Note::source).contains("built-in");
    // Keycloak's answer left requirements out, so the report itself is incomplete.
    assertThat(find(report.findings(), "SEC-6").status()).isEqualTo(Status.PARTIAL);
    assertThat(report.summary().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(24);
  }

  @Test
  void withoutKeycloakItsRequirementsAreNotAssessedAndSaySo() {
    ComplianceReport report =
        ComplianceReport.merge(
            "benhvien",
            NOW,
            null,
            "Keycloak unreachable: Connection refused",
            ServiceAssessment.assess(healthy(), NOW));
    assertThat(report.keycloakError()).contains("Connection refused");
    Finding mfa1 = find(report.findings(), "MFA-1");
    assertThat(mfa1.status()).isEqualTo(Status.NOT_ASSESSED);
    assertThat(mfa1.notes().get(0).en())
        .isEqualTo("Keycloak's assessment unavailable: Keycloak unreachable: Connection refused");
    // Service-held parts still count: LOG-1 is met by the ingest, but Keycloak's half is unknown.
    assertThat(find(report.findings(), "LOG-1").status()).isEqualTo(Status.NOT_ASSESSED);
    assertThat(find(report.findings(), "LOG-5").status()).isEqualTo(Status.MET);
    assertThat(find(report.findings(), "SEC-6").status()).isEqualTo(Status.PARTIAL);
  }

  @Test
  void anAnswerFromKeycloakWithoutFindingsOrWithUnknownIdsIsRefused() {
    assertThatThrownBy(() -> ComplianceReport.fromKeycloak(Map.of("realm", "x")))
        .hasMessageContaining("no findings");
    assertThatThrownBy(
            () ->
                ComplianceReport.fromKeycloak(
                    Map.of(
                        "findings",
                        List.of(
                            Map.of("requirement", "XYZ-9", "status", "MET", "notes", List.of())))))
        .hasMessageContaining("XYZ-9");
  }
}
