package vn.yte.iam.keycloak.account;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.keycloak.models.UserModel;
import vn.yte.iam.keycloak.text.VietnamTime;

/**
 * ACC-4: contractor and outsourced accounts carry the last day they may be used. The account works
 * through that whole day, Vietnam time, and not after.
 */
public final class AccountEndDate {
  /** User attribute, ISO date (yyyy-MM-dd), set by administrators in the user profile. */
  public static final String ATTRIBUTE = "accountEndDate";

  private AccountEndDate() {}

  public static Optional<LocalDate> of(UserModel user) {
    String value = user.getFirstAttribute(ATTRIBUTE);
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(LocalDate.parse(value.strip()));
    } catch (DateTimeParseException e) {
      // The user profile validates the format; an unreadable value is treated as already ended,
      // so a typo cannot keep a contractor's account open.
      return Optional.of(LocalDate.MIN);
    }
  }

  public static boolean ended(LocalDate lastDay, Instant now) {
    return now.atZone(VietnamTime.ZONE).toLocalDate().isAfter(lastDay);
  }

  public static boolean ended(UserModel user, Instant now) {
    return of(user).map(day -> ended(day, now)).orElse(false);
  }
}
