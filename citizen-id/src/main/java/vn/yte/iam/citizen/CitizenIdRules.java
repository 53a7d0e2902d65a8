package vn.yte.iam.citizen;

import java.time.Year;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;

/**
 * The 12-digit personal identification number (số định danh cá nhân, printed on the CCCD): 3 digits
 * of province code, 1 digit of century and gender, 2 digits of birth year, 6 random digits
 * (Circular 59/2021/TT-BCA).
 */
public final class CitizenIdRules {
  /** Province and centrally-governed city codes (pre-2025 list, still printed on every card). */
  private static final Set<Integer> PROVINCE_CODES =
      Set.of(
          1, 2, 4, 6, 8, 10, 11, 12, 14, 15, 17, 19, 20, 22, 24, 25, 26, 27, 30, 31, 33, 34, 35, 36,
          37, 38, 40, 42, 44, 45, 46, 48, 49, 51, 52, 54, 56, 58, 60, 62, 64, 66, 67, 68, 70, 72,
          74, 75, 77, 79, 80, 82, 83, 84, 86, 87, 89, 91, 92, 93, 94, 95, 96);

  private CitizenIdRules() {}

  /** What is wrong with a number, in Vietnamese and English. */
  public enum Problem {
    FORMAT("phải gồm đúng 12 chữ số", "must be exactly 12 digits"),
    PROVINCE("không có mã tỉnh, thành phố", "unknown province code"),
    FUTURE_BIRTH_YEAR(
        "chữ số thế kỷ cho ra năm sinh ở tương lai",
        "century digit gives a birth year in the future"),
    BIRTH_YEAR_MISMATCH(
        "chữ số thế kỷ và năm sinh không khớp với ngày sinh",
        "century and year digits do not match the date of birth");

    public final String vietnamese;
    public final String english;

    Problem(String vietnamese, String english) {
      this.vietnamese = vietnamese;
      this.english = english;
    }
  }

  /** The first problem with {@code value}, checking the birth year too when it is known. */
  public static Optional<Problem> check(String value, Integer knownBirthYear) {
    if (value == null || !value.matches("[0-9]{12}")) {
      return Optional.of(Problem.FORMAT);
    }
    if (!PROVINCE_CODES.contains(Integer.parseInt(value.substring(0, 3)))) {
      return Optional.of(Problem.PROVINCE);
    }
    int birthYear = birthYear(value);
    if (birthYear > Year.now(ZoneOffset.UTC).getValue()) {
      return Optional.of(Problem.FUTURE_BIRTH_YEAR);
    }
    if (knownBirthYear != null && knownBirthYear != birthYear) {
      return Optional.of(Problem.BIRTH_YEAR_MISMATCH);
    }
    return Optional.empty();
  }

  /** Digit 4 encodes century and gender (0/1 = 1900s, 2/3 = 2000s, ...); digits 5-6 the year. */
  public static int birthYear(String value) {
    return 1900 + (value.charAt(3) - '0') / 2 * 100 + Integer.parseInt(value.substring(4, 6));
  }

  /** Display form for logs and screens that must not show the full number (LOG-7). */
  public static String masked(String value) {
    return value.substring(0, 3) + "******" + value.substring(9);
  }
}
