package vn.yte.iam.mfa.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.yte.iam.mfa.audit.AuditEvent;
import vn.yte.iam.mfa.audit.AuditRecord;

/** CSV and FHIR R4 AuditEvent (BALP) renderings of audit records (LOG-6). */
class ExportFormatsTest {
  static AuditRecord record(long seq, String type, String outcome, String username) {
    return new AuditRecord(
        seq,
        1,
        Instant.parse("2026-11-23T08:00:00Z"),
        new AuditEvent(
            type,
            outcome,
            "sub-1",
            username,
            "sid-1",
            "his-demo",
            "10.1.2.3",
            null,
            null,
            null,
            null,
            "auth_method=openid-connect"),
        "0".repeat(64),
        "a".repeat(64));
  }

  @Test
  void csvQuotesAndDisarmsFormulas() {
    assertThat(CsvExport.cell("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
    assertThat(CsvExport.cell("+84912")).isEqualTo("'+84912");
    assertThat(CsvExport.cell("a,b")).isEqualTo("\"a,b\"");
    assertThat(CsvExport.cell("Nguyễn Văn An")).isEqualTo("Nguyễn Văn An");
    assertThat(CsvExport.cell(null)).isEmpty();
    String csv = CsvExport.of(List.of(record(7, "KC_LOGIN", "SUCCESS", "bs.an")));
    assertThat(csv).startsWith("\uFEFF" + CsvExport.HEADER + "\r\n7,2026-11-23T08:00:00Z,KC_LOGIN");
  }

  @Test
  @SuppressWarnings("unchecked")
  void loginsFollowTheBalpLoginPattern() {
    Map<String, Object> login =
        FhirAuditEvents.auditEvent(record(1, "KC_LOGIN", "SUCCESS", "bs.an"));
    assertThat(login).containsEntry("resourceType", "AuditEvent").containsEntry("outcome", "0");
    assertThat((Map<String, Object>) login.get("type")).containsEntry("code", "110114");
    assertThat((List<Map<String, Object>>) login.get("subtype"))
        .extracting(c -> c.get("code"))
        .containsExactly("110122");
    Map<String, Object> failed =
        FhirAuditEvents.auditEvent(record(2, "KC_LOGIN_ERROR", "ERROR", "bs.an"));
    assertThat(failed).containsEntry("outcome", "4");
    Map<String, Object> logout =
        FhirAuditEvents.auditEvent(record(3, "KC_LOGOUT", "SUCCESS", "bs.an"));
    assertThat((List<Map<String, Object>>) logout.get("subtype"))
        .extracting(c -> c.get("code"))
        .containsExactly("110123");
    Map<String, Object> bundle =
        FhirAuditEvents.bundle(List.of(record(1, "KC_LOGIN", "SUCCESS", "bs.an")));
    assertThat(bundle).containsEntry("resourceType", "Bundle").containsEntry("total", 1);
  }

  /**
   * FHIR JSON forbids empty strings: what a record does not know is left out. A failed login for an
   * unknown account knows neither the account's id nor its name.
   */
  @Test
  void whatARecordDoesNotKnowIsLeftOutNotEmpty() throws Exception {
    AuditRecord anonymous =
        new AuditRecord(
            4,
            1,
            Instant.parse("2026-11-23T08:00:00Z"),
            new AuditEvent(
                "KC_LOGIN_ERROR",
                "ERROR",
                null,
                null,
                null,
                null,
                "10.1.2.3",
                null,
                "ref-1",
                null,
                null,
                "error=user_not_found"),
            "0".repeat(64),
            "b".repeat(64));
    String json =
        com.nimbusds.jose.util.JSONObjectUtils.toJSONString(
            FhirAuditEvents.bundle(List.of(anonymous, record(5, "KC_LOGIN", "SUCCESS", null))));
    assertThat(json).doesNotContain("\"\"").contains("\"requestor\":true");
    Map<String, Object> event = FhirAuditEvents.auditEvent(anonymous);
    assertThat((Map<String, Object>) event.get("source"))
        .extractingByKey("type")
        .asString()
        .contains("http://terminology.hl7.org/CodeSystem/security-source-type");
  }
}
