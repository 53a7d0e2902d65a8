package vn.yte.iam.mfa.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies over 16 KiB before anything parses them: no legitimate API call comes
 * close, and a bulk payload must not reach token validation, JSON parsing or the audit log. Bodies
 * without a declared length are capped by the servlet container (64 KiB, application.yaml).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestSizeLimitFilter extends OncePerRequestFilter {
  static final long MAX_BODY_BYTES = 16 * 1024;

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (request.getContentLengthLong() > MAX_BODY_BYTES) {
      response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
      response.setContentType("application/json");
      response.setCharacterEncoding(StandardCharsets.UTF_8.name());
      response
          .getWriter()
          .write(
              "{\"error\":\"PAYLOAD_TOO_LARGE\","
                  + "\"message\":\"Yêu cầu quá lớn (tối đa 16 KiB).\","
                  + "\"message_en\":\"Request body too large (at most 16 KiB).\"}");
      return;
    }
    chain.doFilter(request, response);
  }
}
