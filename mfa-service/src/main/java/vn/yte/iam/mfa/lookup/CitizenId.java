package vn.yte.iam.mfa.lookup;

import java.time.Year;
import java.time.ZoneOffset;
import java.util.Set;

/**
 * A 12-digit personal identification number (số định danh cá nhân, printed on the CCCD). Checked
 * for shape, province code and the century/gender digit before anything is sent upstream or written
 * to the audit log.
 */
public record CitizenId(String value) {
  /** Province and centrally-governed city codes of Circular 59/2021/TT-BCA (pre-2025 list). */
  private static final Set<Integer> PROVINCE_CODES =
      Set.of(
          1, 2, 4, 6, 8, 10, 11, 12, 14, 15, 17, 19, 20, 22, 24, 25, 26, 27, 30, 31, 33, 34, 35, 36,
          37, 38, 40, 42, 44, 45, 46, 48, 49, 51, 52, 54, 56, 58, 60, 62, 64, 66, 67, 68, 70, 72,
          74, 75, 77, 79, 80, 82, 83, 84, 86, 87, 89, 91, 92, 93, 94, 95, 96);

  public CitizenId {
    String problem = problem(value);
    if (problem != null) {
      throw new IllegalArgumentException(problem);
    }
  }

  /** Why {@code value} is not a valid number, or null when it is. */
  public static String problem(String value) {
    if (value == null || !value.matches("[0-9]{12}")) {
      return "must be exactly 12 digits";
    }
    if (!PROVINCE_CODES.contains(Integer.parseInt(value.substring(0, 3)))) {
      return "unknown province code " + value.substring(0, 3);
    }
    // Digit 4 encodes century and gender: 0/1 = 1900s, 2/3 = 2000s, and so on.
    int birthYear =
        1900 + (value.charAt(3) - '0') / 2 * 100 + Integer.parseInt(value.substring(4, 6));
    if (birthYear > Year.now(ZoneOffset.UTC).getValue()) {
      return "century digit gives a birth year in the future";
    }
    return null;
  }

  /** Display form for logs and screens that must not show the full number (LOG-7). */
  public String masked() {
    return value.substring(0, 3) + "******" + value.substring(9);
  }

  @Override
  public String toString() {
    return masked();
  }
}
