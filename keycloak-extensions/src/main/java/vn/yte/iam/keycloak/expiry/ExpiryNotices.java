package vn.yte.iam.keycloak.expiry;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.jboss.logging.Logger;
import org.keycloak.email.EmailException;
import org.keycloak.email.EmailTemplateProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import vn.yte.iam.keycloak.spi.RealmUsers;
import vn.yte.iam.keycloak.text.VietnamTime;

/**
 * Emails users whose password is about to expire (PW-4), once per threshold per password. The
 * threshold last mailed is kept on the user with the password's timestamp, so a new password starts
 * a new series and a re-run sends nothing twice.
 */
final class ExpiryNotices {
  static final String SENT_ATTRIBUTE = "yte.expiryNoticeSent";
  static final String TEMPLATE = "yte-password-expiry-notice.ftl";
  static final String SUBJECT = "ytePasswordExpiryNoticeSubject";
  private static final Logger LOG = Logger.getLogger(ExpiryNotices.class);

  private ExpiryNotices() {}

  /** Sends what is due in one realm and returns how many emails went out. */
  static int sendDue(KeycloakSession session, RealmModel realm, Instant now) {
    Optional<ExpiryPolicy> policy = ExpiryPolicy.of(realm);
    if (policy.isEmpty()
        || policy.get().warnings().thresholds().isEmpty()
        || realm.getSmtpConfig() == null
        || realm.getSmtpConfig().isEmpty()) {
      return 0;
    }
    // Each page's session is bound to the realm: email templates and messages resolve against it.
    return RealmUsers.count(
        session,
        realm,
        (page, user) -> notify(page, page.getContext().getRealm(), user, policy.get(), now));
  }

  private static boolean notify(
      KeycloakSession session, RealmModel realm, UserModel user, ExpiryPolicy policy, Instant now) {
    if (!user.isEnabled() || user.getEmail() == null) {
      return false;
    }
    Optional<Instant> changed = PasswordChanged.of(user);
    if (changed.isEmpty()) {
      return false;
    }
    PasswordAge age = PasswordAge.of(changed.get(), policy.maxAgeDays(), now);
    String series = String.valueOf(changed.get().toEpochMilli());
    OptionalInt due = policy.warnings().noticeDue(age, lastSent(user, series));
    if (due.isEmpty()) {
      return false;
    }
    try {
      session
          .getProvider(EmailTemplateProvider.class)
          .setRealm(realm)
          .setUser(user)
          .send(SUBJECT, List.of(age.daysLeft()), TEMPLATE, bodyAttributes(realm, age));
    } catch (EmailException e) {
      LOG.warnf(
          e,
          "Password expiry notice to user %s in realm %s failed: %s",
          user.getId(),
          realm.getName(),
          e.getMessage());
      return false;
    }
    user.setSingleAttribute(SENT_ATTRIBUTE, series + ":" + due.getAsInt());
    LOG.infof(
        "Password expiry notice (%d days) sent to user %s in realm %s",
        age.daysLeft(), user.getId(), realm.getName());
    return true;
  }

  /** Keycloak adds its own entries to this map, so it must be mutable. */
  private static Map<String, Object> bodyAttributes(RealmModel realm, PasswordAge age) {
    Map<String, Object> attributes = new HashMap<>();
    attributes.put("daysLeft", age.daysLeft());
    attributes.put("expiresOn", VietnamTime.date(age.expiresAt()));
    attributes.put(
        "realmName", realm.getDisplayName() == null ? realm.getName() : realm.getDisplayName());
    return attributes;
  }

  private static Integer lastSent(UserModel user, String series) {
    String value = user.getFirstAttribute(SENT_ATTRIBUTE);
    if (value == null || !value.startsWith(series + ":")) {
      return null;
    }
    try {
      return Integer.valueOf(value.substring(series.length() + 1));
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
