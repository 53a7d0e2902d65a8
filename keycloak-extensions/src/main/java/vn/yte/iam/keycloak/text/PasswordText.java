package vn.yte.iam.keycloak.text;

import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The normal forms under which passwords and word-list entries are compared (PW-2). Both sides go
 * through the same functions, so a list entry written as {@code Benhvien@2024} also catches {@code
 * b3nhv1en#2025}.
 */
public final class PasswordText {
  /** Keys shorter than this are too generic to compare on their own. */
  public static final int MIN_KEY_LENGTH = 3;

  private PasswordText() {}

  /** Lower case with Vietnamese diacritics removed: "Nguyễn Đức" becomes "nguyen duc". */
  public static String fold(String s) {
    String decomposed = Normalizer.normalize(s, Normalizer.Form.NFD);
    StringBuilder out = new StringBuilder(decomposed.length());
    for (int i = 0; i < decomposed.length(); i++) {
      char c = decomposed.charAt(i);
      if (Character.getType(c) == Character.NON_SPACING_MARK) {
        continue;
      }
      // Đ/đ is a letter of its own in Unicode, not D with a combining mark.
      if (c == 'Đ' || c == 'đ') {
        c = 'd';
      }
      out.append(c);
    }
    return out.toString().toLowerCase(Locale.ROOT);
  }

  /**
   * Undoes the substitutions people use to dress up a word: @ and 4 for a, 0 for o, 1, l, ! and |
   * for i, $ and 5 for s, 3 for e, 7 for t. Ambiguous look-alikes (1/l/i) map to one letter so
   * either reading matches.
   */
  public static String unleet(String folded) {
    StringBuilder out = new StringBuilder(folded.length());
    for (int i = 0; i < folded.length(); i++) {
      out.append(
          switch (folded.charAt(i)) {
            case '@', '4' -> 'a';
            case '0' -> 'o';
            case '1', 'l', '!', '|' -> 'i';
            case '$', '5' -> 's';
            case '3' -> 'e';
            case '7' -> 't';
            default -> folded.charAt(i);
          });
    }
    return out.toString();
  }

  /**
   * Drops the digits and symbols people append to satisfy composition rules: "abc@123" -> "abc".
   */
  public static String stripTrailing(String s) {
    int end = s.length();
    while (end > 0 && !Character.isLetter(s.charAt(end - 1))) {
      end--;
    }
    return s.substring(0, end);
  }

  /** Drops leading digits and symbols: "2024benhvien" -> "benhvien". */
  public static String stripLeading(String s) {
    int start = 0;
    while (start < s.length() && !Character.isLetter(s.charAt(start))) {
      start++;
    }
    return s.substring(start);
  }

  /**
   * Every normal form of a password or list entry that is compared against the list: whole, and
   * with the decoration at either end removed. Forms shorter than {@link #MIN_KEY_LENGTH} are left
   * out.
   */
  public static Set<String> keys(String raw) {
    String folded = fold(raw.strip());
    String core = stripTrailing(folded);
    Set<String> keys = new LinkedHashSet<>();
    addKey(keys, folded);
    addKey(keys, core);
    addKey(keys, stripLeading(core));
    addKey(keys, stripLeading(folded));
    return keys;
  }

  /** The part of a password that stays the same when only its trailing number changes. */
  public static String shape(String raw) {
    return unleet(stripTrailing(fold(raw)));
  }

  /** Letters and digits only, folded and unleeted: what personal data is searched in. */
  public static String alphanumeric(String raw) {
    String folded = unleet(fold(raw));
    StringBuilder out = new StringBuilder(folded.length());
    folded.codePoints().filter(Character::isLetterOrDigit).forEach(out::appendCodePoint);
    return out.toString();
  }

  /** The digits of a string in order, e.g. "01/02-1990" -> "01021990". */
  public static String digits(String raw) {
    StringBuilder out = new StringBuilder();
    raw.chars().filter(c -> c >= '0' && c <= '9').forEach(c -> out.append((char) c));
    return out.toString();
  }

  private static void addKey(Set<String> keys, String form) {
    if (form.length() >= MIN_KEY_LENGTH) {
      keys.add(unleet(form));
    }
  }
}
