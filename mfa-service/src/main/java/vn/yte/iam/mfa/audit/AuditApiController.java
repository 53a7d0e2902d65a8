package vn.yte.iam.mfa.audit;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.yte.iam.mfa.export.CsvExport;
import vn.yte.iam.mfa.export.FhirAuditEvents;
import vn.yte.iam.mfa.lookup.CitizenId;
import vn.yte.iam.mfa.lookup.CitizenPseudonyms;
import vn.yte.iam.mfa.web.ApiException;

/**
 * Auditor API (role {@code auditor}). Every read of the trail is itself appended to the trail
 * (LOG-7), before the data is returned.
 */
@RestController
class AuditApiController {
  private final AuditService audit;
  private final Checkpoints checkpoints;
  private final CitizenPseudonyms pseudonyms;
  private final RecordIntegrity integrity;
  private final AuditViews views;

  AuditApiController(
      AuditService audit,
      Checkpoints checkpoints,
      CitizenPseudonyms pseudonyms,
      RecordIntegrity integrity,
      AuditViews views) {
    this.audit = audit;
    this.views = views;
    this.checkpoints = checkpoints;
    this.pseudonyms = pseudonyms;
    this.integrity = integrity;
  }

  /**
   * The trail, newest first, filtered by user, citizen (who looked up this person: the citizen ID
   * is turned into its pseudonym, never stored or logged in clear), SSO session (login, MFA,
   * systems and lookups of one session), system and time; each record with its integrity badge.
   */
  @GetMapping("/api/v1/audit/records")
  List<RecordIntegrity.Checked> records(
      @AuthenticationPrincipal Jwt jwt,
      HttpServletRequest http,
      @RequestParam(required = false) String username,
      @RequestParam(required = false) String citizenId,
      @RequestParam(required = false) String sessionId,
      @RequestParam(required = false) String clientId,
      @RequestParam(required = false) Instant from,
      @RequestParam(required = false) Instant to,
      @RequestParam(defaultValue = "100") int limit) {
    AuditQuery query = query(username, citizenId, sessionId, clientId, from, to, limit);
    views.log(jwt, http.getRemoteAddr(), "records " + describe(query));
    return integrity.check(audit.find(query));
  }

  /**
   * The same selection as a file: {@code format=csv} (UTF-8 CSV) or {@code format=fhir} (FHIR R4
   * Bundle of AuditEvent, BALP patterns).
   */
  @GetMapping("/api/v1/audit/export")
  ResponseEntity<?> export(
      @AuthenticationPrincipal Jwt jwt,
      HttpServletRequest http,
      @RequestParam String format,
      @RequestParam(required = false) String username,
      @RequestParam(required = false) String citizenId,
      @RequestParam(required = false) String sessionId,
      @RequestParam(required = false) String clientId,
      @RequestParam(required = false) Instant from,
      @RequestParam(required = false) Instant to,
      @RequestParam(defaultValue = "1000") int limit) {
    if (!"csv".equals(format) && !"fhir".equals(format)) {
      throw new ApiException(
          HttpStatus.BAD_REQUEST,
          "INVALID_FORMAT",
          "Định dạng xuất phải là csv hoặc fhir.",
          "format must be csv or fhir.");
    }
    AuditQuery query = query(username, citizenId, sessionId, clientId, from, to, limit);
    views.log(jwt, http.getRemoteAddr(), "export " + format + " " + describe(query));
    List<AuditRecord> records = audit.find(query);
    if ("csv".equals(format)) {
      return ResponseEntity.ok()
          .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
          .header("Content-Disposition", "attachment; filename=\"audit.csv\"")
          .body(CsvExport.of(records));
    }
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType("application/fhir+json"))
        .body(FhirAuditEvents.bundle(records));
  }

  private AuditQuery query(
      String username,
      String citizenId,
      String sessionId,
      String clientId,
      Instant from,
      Instant to,
      int limit) {
    if (limit < 1 || limit > AuditQuery.MAX_LIMIT) {
      throw new ApiException(
          HttpStatus.BAD_REQUEST,
          "INVALID_LIMIT",
          "Tham số limit phải từ 1 đến " + AuditQuery.MAX_LIMIT + ".",
          "limit must be between 1 and " + AuditQuery.MAX_LIMIT + ".");
    }
    String citizenRef = null;
    if (citizenId != null) {
      CitizenId.Problem problem = CitizenId.problem(citizenId);
      if (problem != null) {
        throw problem.asBadRequest();
      }
      citizenRef = pseudonyms.of(new CitizenId(citizenId));
    }
    return new AuditQuery(username, citizenRef, sessionId, clientId, from, to, limit);
  }

  /**
   * The filters of a view as its audit record states them: only those the auditor set, the citizen
   * by pseudonym, never in clear (LOG-7).
   */
  private static String describe(AuditQuery q) {
    StringBuilder filters = new StringBuilder();
    appendFilter(filters, "username", q.username());
    appendFilter(filters, "citizenRef", q.citizenRef());
    appendFilter(filters, "sessionId", q.sessionId());
    appendFilter(filters, "clientId", q.clientId());
    appendFilter(filters, "from", q.from());
    appendFilter(filters, "to", q.to());
    return filters.isEmpty() ? "(no filter)" : filters.substring(1);
  }

  private static void appendFilter(StringBuilder filters, String name, Object value) {
    if (value != null) {
      filters.append(' ').append(name).append('=').append(value);
    }
  }

  /**
   * The whole chain recomputed, then every signed checkpoint checked against it (LOG-5): intact
   * only when both hold.
   */
  @GetMapping("/api/v1/audit/verify")
  Map<String, Object> verify(@AuthenticationPrincipal Jwt jwt, HttpServletRequest http) {
    views.log(jwt, http.getRemoteAddr(), "verify");
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
  List<Checkpoint> checkpoints(@AuthenticationPrincipal Jwt jwt, HttpServletRequest http) {
    views.log(jwt, http.getRemoteAddr(), "checkpoints");
    return checkpoints.list();
  }

  /** The public key the checkpoints verify with (JWKS). */
  @GetMapping("/api/v1/audit/checkpoints/jwks")
  Map<String, Object> checkpointKeys() {
    return checkpoints.publicKeys();
  }
}
