package vn.yte.iam.mfa.alert;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.yte.iam.mfa.audit.AuditService;
import vn.yte.iam.mfa.audit.AuditViews;
import vn.yte.iam.mfa.web.ApiException;

/** SEC-2 alerts for account administrators and auditors, newest first; the read is logged. */
@RestController
class AlertController {
  static final int MAX_LIMIT = 500;
  private final AuditService audit;
  private final AuditViews views;

  AlertController(AuditService audit, AuditViews views) {
    this.audit = audit;
    this.views = views;
  }

  @GetMapping("/api/v1/alerts")
  List<Map<String, Object>> alerts(
      @AuthenticationPrincipal Jwt jwt,
      HttpServletRequest http,
      @RequestParam(defaultValue = "100") int limit) {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new ApiException(
          HttpStatus.BAD_REQUEST,
          "INVALID_LIMIT",
          "Tham số limit phải từ 1 đến " + MAX_LIMIT + ".",
          "limit must be between 1 and " + MAX_LIMIT + ".");
    }
    views.log(jwt, http.getRemoteAddr(), "alerts");
    return audit.latest(Alert.TYPE, limit).stream().map(r -> Alert.of(r).json()).toList();
  }
}
