package vn.yte.iam.mfa.lookup;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Per-user limits on population-database lookups (LOG-2, SEC-2).
 *
 * @param perMinute lookups one account may make in any minute; more are refused (429) and audited
 * @param bulkDistinctPerHour distinct citizens one account may look up in an hour before the
 *     lookups are flagged as bulk (an audited security alert; they are not refused)
 */
@ConfigurationProperties("yte.lookup")
public record LookupLimits(int perMinute, int bulkDistinctPerHour) {}
