package vn.yte.iam.keycloak.expiry;

import java.time.Instant;
import java.util.Optional;
import org.keycloak.component.ComponentModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/** The realm's rotation rules applied to one user at one moment. */
record ExpiryPolicy(int maxAgeDays, WarningSchedule warnings) {
  static final String EDIT_MODE = "editMode";
  static final String READ_ONLY = "READ_ONLY";

  /** The realm's {@code forceExpiredPasswordChange} and warning days, or empty if no rotation. */
  static Optional<ExpiryPolicy> of(RealmModel realm) {
    int maxAge = realm.getPasswordPolicy().getDaysToExpirePassword();
    if (maxAge <= 0) {
      return Optional.empty();
    }
    Object warnings =
        realm
            .getPasswordPolicy()
            .getPolicyConfig(ExpiryWarningPasswordPolicyProviderFactory.PROVIDER_ID);
    return Optional.of(
        new ExpiryPolicy(
            maxAge,
            warnings instanceof WarningSchedule w ? w : new WarningSchedule(java.util.List.of())));
  }

  Optional<PasswordAge> ageOf(UserModel user, Instant now) {
    return PasswordChanged.of(user).map(changed -> PasswordAge.of(changed, maxAgeDays, now));
  }

  /** A user whose password lives in a read-only directory cannot change it through Keycloak. */
  static boolean passwordManagedElsewhere(RealmModel realm, UserModel user) {
    if (user.getFederationLink() == null) {
      return false;
    }
    ComponentModel link = realm.getComponent(user.getFederationLink());
    return link != null && READ_ONLY.equals(link.get(EDIT_MODE));
  }
}
