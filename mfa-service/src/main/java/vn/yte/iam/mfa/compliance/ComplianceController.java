package vn.yte.iam.mfa.compliance;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.yte.iam.mfa.audit.AuditViews;

/**
 * SEC-6 for auditors (role {@code auditor}, MFA, as every audit call): the unit's self-assessment,
 * the reading of it recorded in the trail first.
 */
@RestController
class ComplianceController {
  private final ComplianceService compliance;
  private final AuditViews views;

  ComplianceController(ComplianceService compliance, AuditViews views) {
    this.compliance = compliance;
    this.views = views;
  }

  @GetMapping("/api/v1/audit/compliance")
  ComplianceReport report(@AuthenticationPrincipal Jwt jwt, HttpServletRequest http) {
    views.log(jwt, http.getRemoteAddr(), "compliance");
    return compliance.report();
  }
}
