package vn.yte.iam.keycloak.spi;

import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/** Walks every interactive (non-service) account of a realm in pages, for sweeps and reports. */
public final class RealmUsers {
  private static final int PAGE = 200;

  private RealmUsers() {}

  /** Applies {@code action} to each user; returns how many times it returned true. */
  public static int count(KeycloakSession session, RealmModel realm, Predicate<UserModel> action) {
    int hits = 0;
    for (int first = 0; ; first += PAGE) {
      // One page at a time, materialised, so the action may change users safely.
      List<UserModel> page =
          session
              .users()
              .searchForUserStream(
                  realm, Map.of(UserModel.INCLUDE_SERVICE_ACCOUNT, "false"), first, PAGE)
              .toList();
      for (UserModel user : page) {
        if (action.test(user)) {
          hits++;
        }
      }
      if (page.size() < PAGE) {
        return hits;
      }
    }
  }
}
