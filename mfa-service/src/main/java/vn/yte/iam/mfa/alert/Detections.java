package vn.yte.iam.mfa.alert;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.yte.iam.mfa.audit.AuditEvent;
import vn.yte.iam.mfa.audit.AuditRecord;

/**
 * Which trail records are SEC-2 signals. Pure: the counts over the window come from {@link Counts},
 * so the rules are tested without a database. Windows are measured in the trail's time (when a
 * record was sealed), the same clock for every source.
 */
final class Detections {
  static final String BRUTE_FORCE = "BRUTE_FORCE";
  static final String PASSWORD_SPRAYING = "PASSWORD_SPRAYING";
  static final String SHARED_ACCOUNT = "SHARED_ACCOUNT";
  static final String LOGIN_ERROR = "KC_LOGIN_ERROR";

  /** Keycloak event details our shared-account step adds (ACC-3), as ingested. */
  private static final Pattern SHARING =
      Pattern.compile("yte_shared_account=([A-Z_]+(?:,[A-Z_]+)*)(?:.*yte_shared_action=([a-z]+))?");

  private Detections() {}

  /** What the rules need to know about the window before a record. */
  interface Counts {
    /** Failed logins of this account in {@code [since, until]}. */
    long failuresOf(String username, Instant since, Instant until);

    /** Distinct accounts with failed logins from this address in {@code [since, until]}. */
    long accountsFailingFrom(String address, Instant since, Instant until);

    /** Whether an alert of this kind about this account or address was raised since then. */
    boolean alerted(String kind, String username, String address, Instant since);
  }

  /** The alerts this record raises, usually none. */
  static List<AuditEvent> of(AuditRecord r, AlertProperties limits, Counts counts) {
    AuditEvent e = r.event();
    List<AuditEvent> alerts = new ArrayList<>();
    Instant since = r.recordedAt().minus(limits.window());
    long minutes = limits.window().toMinutes();
    if (LOGIN_ERROR.equals(e.type()) && e.actorUsername() != null) {
      long failures = counts.failuresOf(e.actorUsername(), since, r.recordedAt());
      if (failures >= limits.bruteForceFailures()
          && !counts.alerted(BRUTE_FORCE, e.actorUsername(), null, since)) {
        alerts.add(alert(e, BRUTE_FORCE, e.sourceIp(), Alert.bruteForceDetail(failures, minutes)));
      }
    }
    if (LOGIN_ERROR.equals(e.type()) && e.sourceIp() != null) {
      long accounts = counts.accountsFailingFrom(e.sourceIp(), since, r.recordedAt());
      if (accounts >= limits.sprayAccounts()
          && !counts.alerted(PASSWORD_SPRAYING, null, e.sourceIp(), since)) {
        alerts.add(
            new AuditEvent(
                Alert.TYPE,
                PASSWORD_SPRAYING,
                null,
                null,
                null,
                null,
                e.sourceIp(),
                null,
                null,
                null,
                null,
                Alert.sprayingDetail(accounts, minutes)));
      }
    }
    if (e.type().startsWith("KC_") && e.detail() != null && e.actorUsername() != null) {
      Matcher sharing = SHARING.matcher(e.detail());
      if (sharing.find() && !counts.alerted(SHARED_ACCOUNT, e.actorUsername(), null, since)) {
        alerts.add(
            alert(
                e,
                SHARED_ACCOUNT,
                e.sourceIp(),
                Alert.sharingDetail(sharing.group(1), sharing.group(2))));
      }
    }
    return alerts;
  }

  private static AuditEvent alert(AuditEvent cause, String kind, String address, String detail) {
    return new AuditEvent(
        Alert.TYPE,
        kind,
        cause.actorSubject(),
        cause.actorUsername(),
        cause.sessionId(),
        cause.clientId(),
        address,
        null,
        null,
        null,
        null,
        detail);
  }
}
