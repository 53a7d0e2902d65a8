package vn.yte.iam.mfa.alert;

import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import vn.yte.iam.mfa.audit.AuditRecord;

/**
 * A SEC-2 alert as admins, auditors and the webhook see it: an audit record of type {@code
 * SECURITY_ALERT} (so alerts are as tamper-evident as the rest of the trail), with its kind in the
 * outcome, and a message in Vietnamese and English.
 *
 * <p>The record's detail is a fixed English form, written by the methods below (for {@link
 * Detections} and the gateway) and read back by the patterns beside them; it stays in the trail as
 * written, and the messages are put in words from it, so that the Vietnamese one is Vietnamese
 * throughout. A detail in any other form is shown as it is rather than guessed at.
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

  /** Kind of the alert the gateway raises itself (SEC-2). */
  public static final String BULK_LOOKUP = "BULK_LOOKUP";

  private static final Pattern FAILURES = Pattern.compile("(\\d+) failed logins in (\\d+) min");
  private static final Pattern SPRAYING =
      Pattern.compile("(\\d+) accounts failed logins from this address in (\\d+) min");
  private static final Pattern SHARING =
      Pattern.compile("signals ([A-Z_]+(?:,[A-Z_]+)*)(?:, action ([a-z]+))?");
  private static final Pattern BULK =
      Pattern.compile("more than (\\d+) distinct citizens in an hour");

  static String bruteForceDetail(long failures, long minutes) {
    return failures + " failed logins in " + minutes + " min";
  }

  static String sprayingDetail(long accounts, long minutes) {
    return accounts + " accounts failed logins from this address in " + minutes + " min";
  }

  /** {@code signals} comma-separated, as Keycloak lists them; {@code action} may be null. */
  static String sharingDetail(String signals, String action) {
    return "signals " + signals + (action == null ? "" : ", action " + action);
  }

  public static String bulkLookupDetail(int distinctCitizens) {
    return "more than " + distinctCitizens + " distinct citizens in an hour";
  }

  /** The shared-account step's signals and actions (ACC-3), as Keycloak names them. */
  private static final Map<String, Words> SHARING_WORDS =
      Map.of(
          "CONCURRENT_SESSION",
          new Words(
              "tài khoản đang có phiên khác trên máy trạm khác",
              "another live session on a different workstation"),
          "IMPOSSIBLE_INTERVAL",
          new Words(
              "đăng nhập từ mạng khác quá sớm để là cùng một người",
              "a login from another network too soon for one person to have moved"),
          "MANY_DEVICES",
          new Words(
              "nhiều thiết bị hơn mức một người thường dùng",
              "more devices than one person plausibly uses"),
          "flag",
          new Words("chỉ ghi nhận", "flagged only"),
          "terminate",
          new Words("đã kết thúc các phiên khác", "the other sessions were ended"),
          "deny",
          new Words("đã từ chối đăng nhập", "the login was refused"));

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
      case Detections.BRUTE_FORCE ->
          "Dò mật khẩu tài khoản "
              + account
              + ": "
              + reworded(
                  FAILURES, m -> m.group(1) + " lần đăng nhập sai trong " + m.group(2) + " phút");
      case Detections.PASSWORD_SPRAYING ->
          "Rải mật khẩu từ địa chỉ "
              + sourceIp
              + ": "
              + reworded(
                  SPRAYING,
                  m ->
                      m.group(1)
                          + " tài khoản đăng nhập sai từ địa chỉ này trong "
                          + m.group(2)
                          + " phút");
      case Detections.SHARED_ACCOUNT ->
          "Nghi dùng chung tài khoản " + account + ": " + reworded(SHARING, m -> sharing(m, true));
      case BULK_LOOKUP ->
          "Tra cứu CSDLQG về dân cư hàng loạt, tài khoản "
              + account
              + ": "
              + reworded(BULK, m -> "hơn " + m.group(1) + " công dân khác nhau trong một giờ");
      default -> "Cảnh báo an ninh " + kind + ": " + detail;
    };
  }

  public String messageEn() {
    return switch (kind) {
      case Detections.BRUTE_FORCE -> "Password guessing against account " + account + ": " + detail;
      case Detections.PASSWORD_SPRAYING -> "Password spraying from " + sourceIp + ": " + detail;
      case Detections.SHARED_ACCOUNT ->
          "Account " + account + " may be shared: " + reworded(SHARING, m -> sharing(m, false));
      case BULK_LOOKUP -> "Bulk population-database lookups by " + account + ": " + detail;
      default -> "Security alert " + kind + ": " + detail;
    };
  }

  /** The detail in other words if it is in the form {@code pattern} reads, else as it is. */
  private String reworded(Pattern pattern, Function<Matcher, String> words) {
    Matcher m = pattern.matcher(detail == null ? "" : detail);
    return m.matches() ? words.apply(m) : detail;
  }

  /** The signals and the action taken, in words; a code without words is shown as it is. */
  private static String sharing(Matcher m, boolean vietnamese) {
    String signals =
        Arrays.stream(m.group(1).split(","))
            .map(code -> word(code, vietnamese))
            .collect(Collectors.joining("; "));
    if (m.group(2) == null) {
      return signals;
    }
    return signals + (vietnamese ? " (xử lý: " : " (action: ") + word(m.group(2), vietnamese) + ")";
  }

  private static String word(String code, boolean vietnamese) {
    Words words = SHARING_WORDS.get(code);
    return words == null ? code : vietnamese ? words.vi() : words.en();
  }

  private record Words(String vi, String en) {}

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
