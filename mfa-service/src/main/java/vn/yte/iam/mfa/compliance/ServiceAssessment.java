package vn.yte.iam.mfa.compliance;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import vn.yte.iam.mfa.compliance.Finding.Note;
import vn.yte.iam.mfa.compliance.Finding.Status;

/**
 * SEC-6: the requirements this service holds (event ingest, lookup gateway, tamper evidence,
 * alerts, backup copies), judged from its live state.
 */
final class ServiceAssessment {
  static final String SOURCE = "mfa-service";

  /** Notes on what the service always does, whatever its settings; tested, not read live. */
  static final String BUILT_IN = "built-in";

  /** A pull or a checkpoint later than this many intervals counts as stalled. */
  static final int STALE_INTERVALS = 3;

  private ServiceAssessment() {}

  static List<Finding> assess(ServiceFacts facts, Instant now) {
    List<Finding> out = new ArrayList<>();
    out.add(ingest(facts, now, "LOG-1"));
    out.add(ingest(facts, now, "LOG-4"));
    out.add(
        builtIn(
            "LOG-2",
            "Mỗi lượt tra cứu được ghi nhật ký (ai, phiên, máy trạm, công dân, mục đích, kết quả)"
                + " trước khi gọi CSDLQG về dân cư; không ghi được thì không tra cứu",
            "Every lookup is recorded (who, session, workstation, citizen, purpose, result)"
                + " before the population database is called; if it cannot be, it does not"
                + " happen"));
    out.add(
        builtIn(
            "LOG-3",
            "Bản ghi tra cứu mang mã phiên SSO (sid) của lần đăng nhập trước nó",
            "Lookup records carry the SSO session id (sid) of the login before them"));
    out.add(
        builtIn(
            "LOG-7",
            "Số CCCD lưu dưới dạng bí danh và che bớt; trả về dữ liệu tối thiểu; mọi lượt xem"
                + " nhật ký đều được ghi",
            "Citizen IDs stored as pseudonyms and masked; minimal answers; every read of the"
                + " trail recorded"));
    out.add(
        builtIn(
            "SEC-5",
            "Cổng tra cứu và giao diện kiểm toán xác thực bằng OIDC của Keycloak, không giữ tài"
                + " khoản riêng; lượt tra cứu gắn với tài khoản SSO",
            "The lookup gateway and the audit console authenticate with Keycloak's OIDC and keep"
                + " no accounts of their own; lookups belong to the SSO account"));
    out.add(mfa2(facts));
    out.add(log5(facts, now));
    out.add(log6(facts));
    out.add(sec1(facts));
    out.add(sec2(facts));
    out.add(sec4(facts));
    return out;
  }

  private static Finding ingest(ServiceFacts facts, Instant now, String requirement) {
    Check check = new Check(requirement);
    if (!facts.ingestEnabled()) {
      check.gap(
          "mfa-service không kéo sự kiện từ Keycloak (YTE_INGEST_ENABLED=false)",
          "mfa-service does not pull Keycloak's events (YTE_INGEST_ENABLED=false)");
    } else if (facts.ingestFailure() != null) {
      check.gap(
          "Lần kéo sự kiện gần nhất thất bại: " + facts.ingestFailure(),
          "The last pull of events failed: " + facts.ingestFailure());
    } else if (facts.ingestCompleted() == null) {
      check.partial(
          "Chưa kéo xong lần nào từ khi mfa-service khởi động",
          "No pull has completed since mfa-service started");
    } else if (stale(facts.ingestCompleted(), facts.ingestInterval(), now)) {
      check.gap(
          "Sự kiện kéo về lần cuối lúc " + facts.ingestCompleted() + ": đã ngừng",
          "Events last pulled at " + facts.ingestCompleted() + ": stalled");
    } else {
      check.ok(
          "Sự kiện Keycloak vào chuỗi nhật ký, lần kéo gần nhất " + facts.ingestCompleted(),
          "Keycloak's events enter the chained trail, last pulled " + facts.ingestCompleted());
    }
    return check.finding();
  }

  private static Finding builtIn(String requirement, String vi, String en) {
    Check check = new Check(requirement);
    check.builtIn(vi, en);
    return check.finding();
  }

  private static Finding mfa2(ServiceFacts facts) {
    Check check = new Check("MFA-2");
    if (facts.mfaAcr() == null || facts.mfaAcr().isEmpty()) {
      check.gap(
          "Cổng tra cứu không đòi acr MFA trong token", "The gateway demands no MFA acr in tokens");
    } else {
      check.ok(
          "Cổng tra cứu chỉ nhận token có acr "
              + String.join(", ", facts.mfaAcr())
              + ", đăng nhập trong "
              + minutes(facts.mfaMaxAge())
              + " phút",
          "The gateway takes only tokens with acr "
              + String.join(", ", facts.mfaAcr())
              + ", signed in within "
              + minutes(facts.mfaMaxAge())
              + " minutes");
    }
    return check.finding();
  }

  private static Finding log5(ServiceFacts facts, Instant now) {
    Check check = new Check("LOG-5");
    if (facts.checkpointProblem() != null) {
      check.gap(
          "Điểm kiểm tra có chữ ký gần nhất không khớp chuỗi: " + facts.checkpointProblem(),
          "The latest signed checkpoint does not hold: " + facts.checkpointProblem());
    } else if (facts.lastCheckpoint() == null) {
      check.partial("Chưa có điểm kiểm tra nào được ký", "No checkpoint signed yet");
    } else {
      check.ok(
          "Điểm kiểm tra có chữ ký gần nhất ("
              + facts.lastCheckpoint()
              + ") khớp chuỗi; kiểm tra toàn chuỗi bằng nút \"Kiểm tra toàn vẹn chuỗi\"",
          "The latest signed checkpoint ("
              + facts.lastCheckpoint()
              + ") holds; the whole chain is checked with \"Verify chain integrity\"");
      if (stale(facts.lastCheckpoint(), facts.checkpointInterval(), now)) {
        check.ok(
            "Chuỗi không thêm bản ghi từ điểm kiểm tra gần nhất, hoặc việc ký đã ngừng",
            "The chain has not grown since the latest checkpoint, or signing stopped");
      }
    }
    if (facts.exportDirSet()) {
      check.ok(
          "Các đoạn đã niêm phong được ghi ra thư mục WORM", "Sealed segments written to WORM");
    } else {
      check.partial(
          "Chưa đặt YTE_AUDIT_EXPORT_DIR: không có bản sao WORM của nhật ký",
          "YTE_AUDIT_EXPORT_DIR not set: no WORM copy of the trail");
    }
    return check.finding();
  }

  private static Finding log6(ServiceFacts facts) {
    Check check = new Check("LOG-6");
    check.builtIn(
        "Kiểm toán viên tra theo người dùng, công dân, phiên, hệ thống, thời gian; xuất CSV và FHIR"
            + " AuditEvent",
        "Auditors search by user, citizen, session, system and time; export CSV and FHIR"
            + " AuditEvent");
    if (facts.syslogSet()) {
      check.ok("Nhật ký chuyển tới SIEM (syslog TLS)", "Trail forwarded to the SIEM (syslog TLS)");
    }
    return check.finding();
  }

  private static Finding sec1(ServiceFacts facts) {
    Check check = new Check("SEC-1");
    if (facts.issuer() != null && facts.issuer().startsWith("https://")) {
      check.ok("Token do Keycloak cấp qua HTTPS", "Tokens issued by Keycloak over HTTPS");
    } else {
      check.gap(
          "Địa chỉ cấp token không phải HTTPS: " + facts.issuer(),
          "The token issuer is not HTTPS: " + facts.issuer());
    }
    return check.finding();
  }

  private static Finding sec2(ServiceFacts facts) {
    Check check = new Check("SEC-2");
    check.builtIn(
        "Cảnh báo dò mật khẩu, rải mật khẩu, tra cứu hàng loạt, dùng chung tài khoản hiện cho quản"
            + " trị viên",
        "Brute-force, spraying, bulk-lookup and shared-account alerts shown to administrators");
    if (facts.webhookSet()) {
      check.ok("Cảnh báo gửi tới webhook", "Alerts sent to the webhook");
    } else {
      check.partial(
          "Chưa đặt YTE_ALERT_WEBHOOK_URL: cảnh báo chỉ hiện trên màn hình",
          "YTE_ALERT_WEBHOOK_URL not set: alerts are only on screen");
    }
    return check.finding();
  }

  private static Finding sec4(ServiceFacts facts) {
    Check check = new Check("SEC-4");
    if (facts.exportDirSet()) {
      check.ok(
          "Bản sao WORM các đoạn nhật ký, kiểm tra được chỉ với khoá công khai",
          "WORM copies of the trail's segments, verifiable with the public key alone");
    } else {
      check.partial(
          "Không có bản sao WORM: chỉ còn sao lưu cơ sở dữ liệu (README, Sao lưu và khôi phục)",
          "No WORM copies: database backups only (README, Backup and restore)");
    }
    return check.finding();
  }

  private static boolean stale(Instant last, Duration interval, Instant now) {
    Duration allowed = interval.multipliedBy(STALE_INTERVALS).plusSeconds(60);
    return last.plus(allowed).isBefore(now);
  }

  private static long minutes(Duration d) {
    return d == null ? 0 : d.toMinutes();
  }

  private static final class Check {
    private final String requirement;
    private final List<Note> notes = new ArrayList<>();
    private Status status = Status.MET;

    Check(String requirement) {
      this.requirement = requirement;
    }

    void ok(String vi, String en) {
      notes.add(new Note(SOURCE, true, vi, en));
    }

    void builtIn(String vi, String en) {
      notes.add(new Note(BUILT_IN, true, vi, en));
    }

    void partial(String vi, String en) {
      notes.add(new Note(SOURCE, false, vi, en));
      status = status.worse(Status.PARTIAL);
    }

    void gap(String vi, String en) {
      notes.add(new Note(SOURCE, false, vi, en));
      status = Status.NOT_MET;
    }

    Finding finding() {
      return new Finding(requirement, status, notes);
    }
  }
}
