package vn.yte.iam.mfa.audit;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Service;

/**
 * LOG-7: every read of the trail or of the alerts is itself appended to the trail, by whom, in
 * which SSO session, through which system and from which address, before the data is returned.
 */
@Service
public class AuditViews {
  private final AuditService audit;

  AuditViews(AuditService audit) {
    this.audit = audit;
  }

  /** Appends the view record; throws (and the caller returns nothing) if it cannot be stored. */
  public void log(Jwt jwt, String sourceIp, String what) {
    audit.append(
        new AuditEvent(
            "AUDIT_VIEW",
            "GRANTED",
            jwt.getSubject(),
            jwt.getClaimAsString("preferred_username"),
            jwt.getClaimAsString("sid"),
            jwt.getClaimAsString("azp"),
            sourceIp,
            null,
            null,
            null,
            null,
            what.length() > 500 ? what.substring(0, 500) : what));
  }
}
