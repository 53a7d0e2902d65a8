package vn.yte.iam.mfa.export;

import java.util.List;
import vn.yte.iam.mfa.audit.AuditRecord;

/**
 * Audit records as CSV (RFC 4180, UTF-8 with a byte-order mark so spreadsheet programs show
 * Vietnamese correctly). Cells that a spreadsheet would run as a formula are prefixed with an
 * apostrophe: a username or detail must never execute on an auditor's machine.
 */
public final class CsvExport {
  static final String HEADER =
      "seq,recorded_at,type,outcome,actor_subject,actor_username,session_id,client_id,source_ip,"
          + "workstation,citizen_masked,purpose,detail,entry_hash";

  private CsvExport() {}

  public static String of(List<AuditRecord> records) {
    StringBuilder out = new StringBuilder("\uFEFF").append(HEADER).append("\r\n");
    for (AuditRecord r : records) {
      var e = r.event();
      row(
          out,
          String.valueOf(r.seq()),
          r.recordedAt().toString(),
          e.type(),
          e.outcome(),
          e.actorSubject(),
          e.actorUsername(),
          e.sessionId(),
          e.clientId(),
          e.sourceIp(),
          e.workstation(),
          e.citizenMasked(),
          e.purpose(),
          e.detail(),
          r.entryHash());
    }
    return out.toString();
  }

  private static void row(StringBuilder out, String... cells) {
    for (int i = 0; i < cells.length; i++) {
      if (i > 0) {
        out.append(',');
      }
      out.append(cell(cells[i]));
    }
    out.append("\r\n");
  }

  static String cell(String value) {
    if (value == null) {
      return "";
    }
    String safe = value;
    if (!safe.isEmpty() && "=+-@\t\r".indexOf(safe.charAt(0)) >= 0) {
      safe = "'" + safe;
    }
    if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
      safe = "\"" + safe.replace("\"", "\"\"") + "\"";
    }
    return safe;
  }
}
