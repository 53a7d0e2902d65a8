package vn.yte.iam.mfa.lookup;

import java.time.Instant;
import java.util.List;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Who is calling, from the validated token and the request: what the audit record of a lookup ties
 * it to (LOG-2, LOG-3).
 */
public record Caller(
    String subject,
    String username,
    String sessionId,
    String clientId,
    String acr,
    List<String> amr,
    Instant authTime,
    String sourceIp,
    String workstation) {

  static Caller from(Jwt jwt, String sourceIp, String workstation) {
    Object authTime = jwt.getClaims().get("auth_time");
    return new Caller(
        jwt.getSubject(),
        jwt.getClaimAsString("preferred_username"),
        jwt.getClaimAsString("sid"),
        jwt.getClaimAsString("azp"),
        jwt.getClaimAsString("acr"),
        jwt.hasClaim("amr") ? jwt.getClaimAsStringList("amr") : List.of(),
        authTime instanceof Instant i
            ? i
            : authTime instanceof Number n ? Instant.ofEpochSecond(n.longValue()) : null,
        sourceIp,
        workstation);
  }

  /** Authentication context for the audit record: no personal data, bounded length. */
  String authContext() {
    return "acr=" + acr + " amr=" + amr + " auth_time=" + authTime;
  }
}
