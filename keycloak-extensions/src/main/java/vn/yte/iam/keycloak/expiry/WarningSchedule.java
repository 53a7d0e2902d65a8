package vn.yte.iam.keycloak.expiry;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalInt;

/**
 * When users are warned before their password expires (PW-4): at login whenever fewer days are left
 * than the largest threshold, and by email once as each threshold is crossed. Configured as the
 * value of the {@code yte-password-expiry-warning} policy, e.g. {@code 14,7,1}.
 */
public record WarningSchedule(List<Integer> thresholds) {
  public static final String DEFAULT = "14,7,1";

  public WarningSchedule {
    thresholds = thresholds.stream().sorted(Comparator.reverseOrder()).distinct().toList();
  }

  /** Parses "14,7,1"; refuses anything that is not a list of whole days from 1 to 365. */
  public static WarningSchedule parse(String value) {
    String raw = value == null || value.isBlank() ? DEFAULT : value;
    try {
      List<Integer> days =
          Arrays.stream(raw.split(",")).map(String::strip).map(Integer::valueOf).toList();
      if (days.stream().anyMatch(d -> d < 1 || d > 365)) {
        throw new IllegalArgumentException("Warning days must be between 1 and 365: " + raw);
      }
      return new WarningSchedule(days);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("Expected comma-separated days, e.g. 14,7,1: " + raw, e);
    }
  }

  public boolean warnAtLogin(PasswordAge age) {
    return !age.expired() && !thresholds.isEmpty() && age.daysLeft() <= thresholds.get(0);
  }

  /**
   * The threshold whose email is due now, given the smallest threshold already mailed for this
   * password (null if none). Only the most urgent one is sent when several were crossed at once.
   */
  public OptionalInt noticeDue(PasswordAge age, Integer lastSent) {
    if (age.expired()) {
      return OptionalInt.empty();
    }
    OptionalInt due = OptionalInt.empty();
    for (int threshold : thresholds) {
      if (age.daysLeft() <= threshold) {
        due = OptionalInt.of(threshold);
      }
    }
    if (due.isPresent() && lastSent != null && lastSent <= due.getAsInt()) {
      return OptionalInt.empty();
    }
    return due;
  }

  public String format() {
    return String.join(",", thresholds.stream().map(String::valueOf).toList());
  }
}
