package vn.yte.iam.keycloak.passwordpolicy.composition;

import java.util.Optional;

/**
 * PW-1 of the Ministry of Health letter (2021): at least the minimum length, with upper case, lower
 * case, a digit and a special character. Each rule has its own message key so the user is told
 * exactly which one failed; Vietnamese letters with diacritics count as letters, not as specials.
 */
enum CompositionRule {
  MIN_LENGTH("yteInvalidPasswordMinLength"),
  UPPER_CASE("yteInvalidPasswordNoUpperCase"),
  LOWER_CASE("yteInvalidPasswordNoLowerCase"),
  DIGIT("yteInvalidPasswordNoDigit"),
  SPECIAL("yteInvalidPasswordNoSpecial");

  final String messageKey;

  CompositionRule(String messageKey) {
    this.messageKey = messageKey;
  }

  /** The first rule the password breaks, in the order users are told them, or empty. */
  static Optional<CompositionRule> firstViolation(String password, int minLength) {
    if (password == null || password.codePointCount(0, password.length()) < minLength) {
      return Optional.of(MIN_LENGTH);
    }
    boolean upper = false;
    boolean lower = false;
    boolean digit = false;
    boolean special = false;
    for (int cp : password.codePoints().toArray()) {
      if (Character.isUpperCase(cp)) {
        upper = true;
      } else if (Character.isLowerCase(cp)) {
        lower = true;
      } else if (Character.isDigit(cp)) {
        digit = true;
      } else if (!Character.isLetter(cp) && !Character.isWhitespace(cp)) {
        special = true;
      }
    }
    if (!upper) {
      return Optional.of(UPPER_CASE);
    }
    if (!lower) {
      return Optional.of(LOWER_CASE);
    }
    if (!digit) {
      return Optional.of(DIGIT);
    }
    if (!special) {
      return Optional.of(SPECIAL);
    }
    return Optional.empty();
  }
}
