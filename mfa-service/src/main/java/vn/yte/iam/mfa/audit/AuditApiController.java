package vn.yte.iam.mfa.audit;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.yte.iam.mfa.web.ApiException;

/**
 * Auditor API (role {@code auditor}). Every read of the trail is itself appended to the trail
 * (LOG-7), before the data is returned.
 */
@RestController
class AuditApiController {
  private final AuditService audit;

  AuditApiController(AuditService audit) {
    this.audit = audit;
  }

  @GetMapping("/api/v1/audit/records")
  List<AuditRecord> records(
      @AuthenticationPrincipal Jwt jwt,
      @RequestParam(required = false) String username,
      @RequestParam(required = false) String sessionId,
      @RequestParam(required = false) String clientId,
      @RequestParam(required = false) Instant from,
      @RequestParam(required = false) Instant to,
      @RequestParam(defaultValue = "100") int limit) {
    if (limit < 1 || limit > AuditQuery.MAX_LIMIT) {
      throw new ApiException(
          HttpStatus.BAD_REQUEST,
          "INVALID_LIMIT",
          "Tham số limit phải từ 1 đến " + AuditQuery.MAX_LIMIT + ".",
          "limit must be between 1 and " + AuditQuery.MAX_LIMIT + ".");
    }
    String filter = "username=" + username + " sessionId=" + sessionId + " clientId=" + clientId;
    logView(jwt, "records " + filter);
    return audit.find(new AuditQuery(username, null, sessionId, clientId, from, to, limit));
  }

  @GetMapping("/api/v1/audit/verify")
  Map<String, Object> verify(@AuthenticationPrincipal Jwt jwt) {
    logView(jwt, "verify");
    Map<String, Object> body = new LinkedHashMap<>();
    audit
        .verify()
        .ifPresentOrElse(
            problem -> {
              body.put("intact", false);
              body.put("firstBadRecord", problem.seq());
              body.put("problem", problem.message());
            },
            () -> body.put("intact", true));
    return body;
  }

  private void logView(Jwt jwt, String what) {
    audit.append(
        new AuditEvent(
            "AUDIT_VIEW",
            "GRANTED",
            jwt.getSubject(),
            jwt.getClaimAsString("preferred_username"),
            jwt.getClaimAsString("sid"),
            jwt.getClaimAsString("azp"),
            null,
            null,
            null,
            null,
            null,
            what.length() > 500 ? what.substring(0, 500) : what));
  }
}
