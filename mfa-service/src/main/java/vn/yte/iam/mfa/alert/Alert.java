package vn.yte.iam.mfa.alert;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import vn.yte.iam.mfa.audit.AuditRecord;

/**
 * A SEC-2 alert as admins, auditors and the webhook see it: an audit record of type {@code
 * SECURITY_ALERT} (so alerts are as tamper-evident as the rest of the trail), with its kind in the
 * outcome, and a message in Vietnamese and English.
 */
public record Alert(
    long seq,
    Instant recordedAt,
    String kind,
    String account,
    String sourceIp,
    String sessionId,
    String detail) {
  public static final String TYPE = "SECURITY_ALERT";

  public static Alert of(AuditRecord r) {
    return new Alert(
        r.seq(),
        r.recordedAt(),
        r.event().outcome(),
        r.event().actorUsername(),
        r.event().sourceIp(),
        r.event().sessionId(),
        r.event().detail());
  }

  public String messageVi() {
    return switch (kind) {
      case Detections.BRUTE_FORCE -> "Dò mật khẩu tài khoản " + account + ": " + detail;
      case Detections.PASSWORD_SPRAYING -> "Rải mật khẩu từ địa chỉ " + sourceIp + ": " + detail;
      case Detections.SHARED_ACCOUNT -> "Nghi dùng chung tài khoản " + account + ": " + detail;
      case "BULK_LOOKUP" ->
          "Tra cứu CSDLQG về dân cư hàng loạt, tài khoản " + account + ": " + detail;
      default -> "Cảnh báo an ninh " + kind + ": " + detail;
    };
  }

  public String messageEn() {
    return switch (kind) {
      case Detections.BRUTE_FORCE -> "Password guessing against account " + account + ": " + detail;
      case Detections.PASSWORD_SPRAYING -> "Password spraying from " + sourceIp + ": " + detail;
      case Detections.SHARED_ACCOUNT -> "Account " + account + " may be shared: " + detail;
      case "BULK_LOOKUP" -> "Bulk population-database lookups by " + account + ": " + detail;
      default -> "Security alert " + kind + ": " + detail;
    };
  }

  /** The JSON the alerts API returns and the webhook sends. */
  public Map<String, Object> json() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("seq", seq);
    body.put("recordedAt", recordedAt.toString());
    body.put("kind", kind);
    body.put("account", account);
    body.put("sourceIp", sourceIp);
    body.put("sessionId", sessionId);
    body.put("detail", detail);
    body.put("message", messageVi());
    body.put("message_en", messageEn());
    return body;
  }
}
