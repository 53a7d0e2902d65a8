package vn.yte.iam.mfa.compliance;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.yte.iam.mfa.compliance.Finding.Note;
import vn.yte.iam.mfa.compliance.Finding.Status;

/**
 * SEC-6: the unit's standing against every requirement of REQUIREMENTS.md, from Keycloak's
 * assessment of the realm and this service's own. A requirement neither checks is reported as not
 * assessed, never as met.
 *
 * @param keycloakError why Keycloak's part is missing; null when it is there
 */
public record ComplianceReport(
    String realm,
    Instant assessedAt,
    String keycloakError,
    Map<Status, Long> summary,
    List<Finding> findings) {

  static final List<String> REQUIREMENTS =
      List.of(
          "PW-1", "PW-2", "PW-3", "PW-4", "MFA-1", "MFA-2", "MFA-3", "ACC-1", "ACC-2", "ACC-3",
          "ACC-4", "LOG-1", "LOG-2", "LOG-3", "LOG-4", "LOG-5", "LOG-6", "LOG-7", "SEC-1", "SEC-2",
          "SEC-3", "SEC-4", "SEC-5", "SEC-6");

  /** What Keycloak's {@code yte-policy/assessment} covers. */
  static final Set<String> KEYCLOAK_HELD =
      Set.of(
          "PW-1", "PW-2", "PW-3", "PW-4", "MFA-1", "MFA-2", "MFA-3", "ACC-1", "ACC-2", "ACC-3",
          "ACC-4", "LOG-1", "LOG-4", "SEC-1", "SEC-2", "SEC-3", "SEC-5");

  static final String KEYCLOAK = "keycloak";

  /**
   * Merges both parts; {@code keycloak} is null when Keycloak's part could not be had, and {@code
   * keycloakError} then says why.
   */
  static ComplianceReport merge(
      String realm,
      Instant now,
      List<Finding> keycloak,
      String keycloakError,
      List<Finding> service) {
    Map<String, Status> status = new LinkedHashMap<>();
    Map<String, List<Note>> notes = new LinkedHashMap<>();
    List<Finding> parts = new ArrayList<>(service);
    boolean complete = keycloak != null;
    if (keycloak != null) {
      parts.addAll(keycloak);
      // An older extension jar assesses fewer requirements; this service's notes alone must not
      // make one of Keycloak's look met.
      Set<String> covered = new HashSet<>();
      keycloak.forEach(f -> covered.add(f.requirement()));
      for (String id : KEYCLOAK_HELD) {
        if (!covered.contains(id)) {
          complete = false;
          parts.add(
              keycloakMissing(
                  id,
                  "Bản mở rộng Keycloak đang chạy không đánh giá yêu cầu này",
                  "The Keycloak extension in use does not assess this requirement"));
        }
      }
    } else {
      for (String id : KEYCLOAK_HELD) {
        parts.add(
            keycloakMissing(
                id,
                "Không lấy được đánh giá của Keycloak: " + keycloakError,
                "Keycloak's assessment unavailable: " + keycloakError));
      }
    }
    parts.add(sec6(complete));
    for (Finding part : parts) {
      status.merge(part.requirement(), part.status(), Status::worse);
      notes.computeIfAbsent(part.requirement(), k -> new ArrayList<>()).addAll(part.notes());
    }
    List<Finding> findings = new ArrayList<>();
    for (String id : REQUIREMENTS) {
      findings.add(
          status.containsKey(id)
              ? new Finding(id, status.get(id), notes.get(id))
              : new Finding(
                  id,
                  Status.NOT_ASSESSED,
                  List.of(
                      new Note(
                          ServiceAssessment.SOURCE,
                          false,
                          "Chưa có kiểm tra tự động cho yêu cầu này",
                          "No automatic check of this requirement yet"))));
    }
    Map<Status, Long> summary = new LinkedHashMap<>();
    for (Status s : Status.values()) {
      summary.put(s, findings.stream().filter(f -> f.status() == s).count());
    }
    return new ComplianceReport(realm, now, keycloakError, summary, findings);
  }

  private static Finding keycloakMissing(String id, String vi, String en) {
    return new Finding(id, Status.NOT_ASSESSED, List.of(new Note(KEYCLOAK, false, vi, en)));
  }

  private static Finding sec6(boolean complete) {
    Note note =
        complete
            ? new Note(
                ServiceAssessment.BUILT_IN,
                true,
                "Báo cáo này: tình trạng hiện tại của đơn vị theo từng yêu cầu",
                "This report: the unit's standing now, requirement by requirement")
            : new Note(
                ServiceAssessment.BUILT_IN,
                false,
                "Báo cáo này thiếu phần (hoặc một phần) của Keycloak",
                "This report lacks Keycloak's part, or some of it");
    return new Finding("SEC-6", complete ? Status.MET : Status.PARTIAL, List.of(note));
  }

  /** Keycloak's findings from the JSON its assessment answered. */
  @SuppressWarnings("unchecked")
  static List<Finding> fromKeycloak(Map<String, Object> body) {
    Object items = body.get("findings");
    if (!(items instanceof List<?> list)) {
      throw new IllegalStateException("Keycloak's assessment has no findings");
    }
    List<Finding> out = new ArrayList<>();
    for (Object item : list) {
      Map<String, Object> json = (Map<String, Object>) item;
      List<Note> notes = new ArrayList<>();
      for (Object n : (List<Object>) json.getOrDefault("notes", List.of())) {
        Map<String, Object> note = (Map<String, Object>) n;
        notes.add(
            new Note(
                KEYCLOAK,
                Boolean.TRUE.equals(note.get("ok")),
                String.valueOf(note.get("vi")),
                String.valueOf(note.get("en"))));
      }
      String id = String.valueOf(json.get("requirement"));
      if (!REQUIREMENTS.contains(id)) {
        throw new IllegalStateException("Keycloak assessed an unknown requirement " + id);
      }
      out.add(new Finding(id, Status.valueOf(String.valueOf(json.get("status"))), notes));
    }
    return out;
  }
}
