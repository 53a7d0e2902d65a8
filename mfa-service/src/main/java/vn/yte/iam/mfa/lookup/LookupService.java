package vn.yte.iam.mfa.lookup;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import vn.yte.iam.mfa.alert.Alert;
import vn.yte.iam.mfa.audit.AuditEvent;
import vn.yte.iam.mfa.audit.AuditRecord;
import vn.yte.iam.mfa.audit.AuditService;
import vn.yte.iam.mfa.web.ApiException;

/**
 * A population-database lookup, audited before and after (LOG-2) and failing closed: if the request
 * cannot be recorded, the upstream is never called; if the result cannot be recorded, no data is
 * released.
 */
@Service
public class LookupService {
  static final String EVENT = "POPULATION_LOOKUP";

  private final AuditService audit;
  private final PopulationConnector connector;
  private final CitizenPseudonyms pseudonyms;
  private final LookupGuard guard;
  private final Clock clock;

  LookupService(
      AuditService audit,
      PopulationConnector connector,
      CitizenPseudonyms pseudonyms,
      LookupGuard guard,
      Clock clock) {
    this.audit = audit;
    this.connector = connector;
    this.pseudonyms = pseudonyms;
    this.guard = guard;
    this.clock = clock;
  }

  public Result lookup(Caller caller, boolean mayLookUp, String rawCitizenId, String rawPurpose) {
    Purpose purpose = Purpose.parse(rawPurpose);
    CitizenId.Problem idProblem = CitizenId.problem(rawCitizenId);
    if (purpose == null || idProblem != null) {
      // Nothing from the request body is stored, only which rule it broke: it may be garbage or
      // an injection attempt.
      recordOrFail(
          caller,
          "INVALID_REQUEST",
          null,
          null,
          idProblem != null ? idProblem.rule().english : "purpose");
      throw idProblem != null ? idProblem.asBadRequest() : invalidPurpose();
    }
    CitizenId id = new CitizenId(rawCitizenId);
    if (!mayLookUp) {
      recordOrFail(caller, "DENIED", id, purpose, "missing role population-lookup");
      throw new ApiException(
          HttpStatus.FORBIDDEN,
          "LOOKUP_NOT_PERMITTED",
          "Tài khoản không có quyền tra cứu CSDLQG về dân cư.",
          "This account may not look up the national population database.");
    }

    Instant now = clock.instant();
    LookupGuard.Verdict verdict;
    try {
      verdict = guard.admit(caller.subject(), pseudonyms.of(id), now);
    } catch (RuntimeException e) {
      // Fail closed: a limit that cannot be checked is not passed.
      throw new ApiException(
          HttpStatus.SERVICE_UNAVAILABLE,
          "LIMITS_UNAVAILABLE",
          "Không kiểm tra được giới hạn tra cứu nên không thực hiện tra cứu. Vui lòng thử lại sau.",
          "The lookup limits could not be checked, so the lookup was not performed. Please try"
              + " again later.");
    }
    if (verdict == LookupGuard.Verdict.REFUSE) {
      recordOrFail(caller, "RATE_LIMITED", id, purpose, "limit=" + guard.perMinute() + "/min");
      throw new ApiException(
          HttpStatus.TOO_MANY_REQUESTS,
          "RATE_LIMITED",
          "Đã vượt quá " + guard.perMinute() + " lượt tra cứu mỗi phút. Vui lòng thử lại sau.",
          "More than " + guard.perMinute() + " lookups in a minute. Please try again shortly.");
    }
    if (verdict == LookupGuard.Verdict.ALLOW_BULK) {
      // SEC-2: flagged, not refused; a clinic working a queue can look up many people.
      recordOrFail(
          Alert.TYPE,
          caller,
          Alert.BULK_LOOKUP,
          null,
          null,
          Alert.bulkLookupDetail(guard.bulkThreshold()));
      try {
        guard.bulkAlertRaised(caller.subject(), now);
      } catch (RuntimeException e) {
        // The alert is recorded. Not holding the next one back only means it may be raised twice;
        // whether the lookup goes ahead is decided by the audit record below.
      }
    }

    String requestId = UUID.randomUUID().toString();
    AuditRecord requested = recordOrFail(caller, "REQUESTED", id, purpose, "request=" + requestId);
    Optional<PopulationConnector.CitizenSummary> found;
    try {
      found = connector.lookup(id, requestId);
    } catch (PopulationConnector.UpstreamException e) {
      recordOrFail(caller, "UPSTREAM_ERROR", id, purpose, "request=" + requestId);
      throw new ApiException(
          HttpStatus.BAD_GATEWAY,
          "UPSTREAM_UNAVAILABLE",
          "CSDLQG về dân cư hiện không phản hồi. Vui lòng thử lại sau.",
          "The national population database is not answering. Please try again later.");
    }
    AuditRecord result =
        recordOrFail(
            caller, found.isPresent() ? "FOUND" : "NOT_FOUND", id, purpose, "request=" + requestId);
    return new Result(requested.seq(), result.seq(), found);
  }

  private AuditRecord recordOrFail(
      Caller caller, String outcome, CitizenId id, Purpose purpose, String detail) {
    return recordOrFail(EVENT, caller, outcome, id, purpose, detail);
  }

  private AuditRecord recordOrFail(
      String type, Caller caller, String outcome, CitizenId id, Purpose purpose, String detail) {
    try {
      return record(type, caller, outcome, id, purpose, detail);
    } catch (RuntimeException e) {
      throw auditUnavailable();
    }
  }

  private static ApiException auditUnavailable() {
    return new ApiException(
        HttpStatus.SERVICE_UNAVAILABLE,
        "AUDIT_UNAVAILABLE",
        "Không ghi được nhật ký kiểm tra nên không thực hiện tra cứu.",
        "The audit record could not be written, so the lookup was not performed.");
  }

  private AuditRecord record(
      String type, Caller caller, String outcome, CitizenId id, Purpose purpose, String detail) {
    return audit.append(
        new AuditEvent(
            type,
            outcome,
            caller.subject(),
            caller.username(),
            caller.sessionId(),
            caller.clientId(),
            caller.sourceIp(),
            caller.workstation(),
            id == null ? null : pseudonyms.of(id),
            id == null ? null : id.masked(),
            purpose == null ? null : purpose.name(),
            detail + " " + caller.authContext()));
  }

  private static ApiException invalidPurpose() {
    return new ApiException(
        HttpStatus.BAD_REQUEST,
        "INVALID_PURPOSE",
        "Mục đích tra cứu không hợp lệ. Giá trị cho phép: " + String.join(", ", purposeNames()),
        "Invalid purpose of use. Allowed: " + String.join(", ", purposeNames()));
  }

  private static List<String> purposeNames() {
    return Arrays.stream(Purpose.values()).map(Enum::name).toList();
  }

  /** Audit sequence numbers of the request and result records, and what was found. */
  public record Result(
      long requestRecord,
      long resultRecord,
      Optional<PopulationConnector.CitizenSummary> citizen) {}
}
