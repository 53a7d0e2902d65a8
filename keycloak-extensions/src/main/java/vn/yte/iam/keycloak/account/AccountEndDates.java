package vn.yte.iam.keycloak.account;

import java.time.Instant;
import org.jboss.logging.Logger;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import vn.yte.iam.keycloak.spi.RealmUsers;

/** ACC-4 sweep: disables every enabled account of a realm whose end date has passed. */
public final class AccountEndDates {
  /** Why the account was disabled, for administrators looking at it later. */
  public static final String DISABLED_REASON = "yte.disabledReason";

  private static final Logger LOG = Logger.getLogger(AccountEndDates.class);

  private AccountEndDates() {}

  public static int disableEnded(KeycloakSession session, RealmModel realm, Instant now) {
    return RealmUsers.count(
        session,
        realm,
        (page, user) -> {
          if (user.isEnabled() && AccountEndDate.ended(user, now)) {
            disable(user);
            return true;
          }
          return false;
        });
  }

  static void disable(UserModel user) {
    if (!user.isEnabled()) {
      return;
    }
    user.setEnabled(false);
    user.setSingleAttribute(
        DISABLED_REASON, "account end date " + user.getFirstAttribute(AccountEndDate.ATTRIBUTE));
    LOG.infof(
        "Disabled user %s: account end date %s passed",
        user.getId(), user.getFirstAttribute(AccountEndDate.ATTRIBUTE));
  }
}
