package vn.yte.iam.mfa.lookup;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/v1/lookups}: look up one citizen for a declared purpose. */
@RestController
class LookupController {
  static final String WORKSTATION_HEADER = "X-Workstation-Id";
  private final LookupService lookups;

  LookupController(LookupService lookups) {
    this.lookups = lookups;
  }

  record LookupRequest(String citizenId, String purpose) {}

  @PostMapping("/api/v1/lookups")
  ResponseEntity<Map<String, Object>> lookup(
      @AuthenticationPrincipal Jwt jwt, @RequestBody LookupRequest body, HttpServletRequest http) {
    String workstation = http.getHeader(WORKSTATION_HEADER);
    if (workstation != null && (workstation.length() > 128 || !workstation.matches("[\\w.:-]+"))) {
      workstation = null; // not trusted enough to store; the source address is still recorded
    }
    Caller caller = Caller.from(jwt, http.getRemoteAddr(), workstation);
    boolean mayLookUp =
        SecurityContextHolder.getContext().getAuthentication().getAuthorities().stream()
            .anyMatch(a -> "ROLE_population-lookup".equals(a.getAuthority()));
    LookupService.Result result =
        lookups.lookup(
            caller,
            mayLookUp,
            body == null ? null : body.citizenId(),
            body == null ? null : body.purpose());
    Map<String, Object> response = new LinkedHashMap<>();
    response.put("auditRecord", result.resultRecord());
    response.put("found", result.citizen().isPresent());
    result.citizen().ifPresent(c -> response.put("citizen", c));
    return ResponseEntity.ok(response);
  }
}
