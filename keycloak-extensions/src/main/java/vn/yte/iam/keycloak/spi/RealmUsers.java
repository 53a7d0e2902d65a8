package vn.yte.iam.keycloak.spi;

import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * Walks every interactive (non-service) account of a realm for sweeps and reports, a page per
 * transaction. In one transaction the persistence context grows with every account read: the
 * self-assessment, which reads each account's OTP credential, took 280 s on 10,000 accounts
 * (Keycloak ends a transaction at 300 s) and takes 2-16 s a page at a time; the expiry-notice sweep
 * went from 3.0 to 1.5 s (bench/run large-realm). What an action changes is committed with its
 * page, so a sweep cut short keeps the pages it finished.
 */
public final class RealmUsers {
  private static final int PAGE = 200;

  private RealmUsers() {}

  /**
   * Applies {@code action} to each user, with the page's own session (bound to the realm); returns
   * how many times it returned true.
   */
  public static int count(
      KeycloakSession session, RealmModel realm, BiPredicate<KeycloakSession, UserModel> action) {
    String realmId = realm.getId();
    int hits = 0;
    for (int first = 0; ; first += PAGE) {
      int from = first;
      int[] page =
          KeycloakModelUtils.runJobInTransactionWithResult(
              session.getKeycloakSessionFactory(),
              pageSession -> {
                RealmModel pageRealm = pageSession.realms().getRealm(realmId);
                pageSession.getContext().setRealm(pageRealm);
                List<UserModel> users =
                    pageSession
                        .users()
                        .searchForUserStream(
                            pageRealm,
                            Map.of(UserModel.INCLUDE_SERVICE_ACCOUNT, "false"),
                            from,
                            PAGE)
                        .toList();
                int pageHits = 0;
                for (UserModel user : users) {
                  if (action.test(pageSession, user)) {
                    pageHits++;
                  }
                }
                return new int[] {users.size(), pageHits};
              });
      hits += page[1];
      if (page[0] < PAGE) {
        return hits;
      }
    }
  }
}
