package vn.yte.iam.keycloak.account;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/** ACC-4 sweep: disables every enabled account of a realm whose end date has passed. */
public final class AccountEndDates {
  /** Why the account was disabled, for administrators looking at it later. */
  public static final String DISABLED_REASON = "yte.disabledReason";

  private static final int PAGE = 200;
  private static final Logger LOG = Logger.getLogger(AccountEndDates.class);

  private AccountEndDates() {}

  public static int disableEnded(KeycloakSession session, RealmModel realm, Instant now) {
    int disabled = 0;
    for (int first = 0; ; first += PAGE) {
      List<UserModel> page =
          session
              .users()
              .searchForUserStream(
                  realm, Map.of(UserModel.INCLUDE_SERVICE_ACCOUNT, "false"), first, PAGE)
              .toList();
      for (UserModel user : page) {
        if (user.isEnabled() && AccountEndDate.ended(user, now)) {
          disable(user);
          disabled++;
        }
      }
      if (page.size() < PAGE) {
        return disabled;
      }
    }
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
