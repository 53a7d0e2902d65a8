package vn.yte.iam.mfa.audit;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
  private final Checkpoints checkpoints;

  AuditApiController(AuditService audit, Checkpoints checkpoints) {
    this.audit = audit;
    this.checkpoints = checkpoints;
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

  /**
   * The whole chain recomputed, then every signed checkpoint checked against it (LOG-5): intact
   * only when both hold.
   */
  @GetMapping("/api/v1/audit/verify")
  Map<String, Object> verify(@AuthenticationPrincipal Jwt jwt) {
    logView(jwt, "verify");
    Map<String, Object> body = new LinkedHashMap<>();
    Optional<HashChain.Problem> problem = audit.verify().or(checkpoints::verify);
    body.put("intact", problem.isEmpty());
    problem.ifPresent(
        p -> {
          body.put("firstBadRecord", p.seq());
          body.put("problem", p.message());
        });
    List<Checkpoint> signed = checkpoints.list();
    body.put("checkpoints", signed.size());
    body.put("lastCheckpointSeq", signed.isEmpty() ? null : signed.get(signed.size() - 1).seq());
    return body;
  }

  /** Signed checkpoints (JWS, ES256), oldest first, for verification outside this service. */
  @GetMapping("/api/v1/audit/checkpoints")
  List<Checkpoint> checkpoints(@AuthenticationPrincipal Jwt jwt) {
    logView(jwt, "checkpoints");
    return checkpoints.list();
  }

  /** The public key the checkpoints verify with (JWKS). */
  @GetMapping("/api/v1/audit/checkpoints/jwks")
  Map<String, Object> checkpointKeys() {
    return checkpoints.publicKeys();
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
