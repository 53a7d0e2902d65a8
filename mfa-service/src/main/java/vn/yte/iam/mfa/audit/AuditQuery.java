package vn.yte.iam.mfa.audit;

import java.time.Instant;

/** Filters an auditor can combine; null means "any". Newest first, at most {@code limit}. */
public record AuditQuery(
    String username,
    String citizenRef,
    String sessionId,
    String clientId,
    Instant from,
    Instant to,
    int limit) {
  public static final int MAX_LIMIT = 1000;

  public AuditQuery {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT);
    }
  }
}
