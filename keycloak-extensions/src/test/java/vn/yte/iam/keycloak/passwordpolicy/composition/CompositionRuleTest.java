package vn.yte.iam.keycloak.passwordpolicy.composition;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** PW-1: each rule reported by name, checked in a fixed order. */
class CompositionRuleTest {

  @ParameterizedTest(name = "{0} (min {1}) -> {2}")
  @CsvSource(
      delimiter = '|',
      nullValues = "OK",
      value = {
        "Kh0ng-Doan-Duoc | 8  | OK",
        "Aa1!aaaa         | 8  | OK",
        "Aa1!aaa          | 8  | MIN_LENGTH",
        "Aa1!aaaa         | 12 | MIN_LENGTH",
        "aa1!aaaa         | 8  | UPPER_CASE",
        "AA1!AAAA         | 8  | LOWER_CASE",
        "Aab!aaaa         | 8  | DIGIT",
        "Aa1aaaaa         | 8  | SPECIAL",
        "Aa1 aaaa         | 8  | SPECIAL",
        // Vietnamese letters are letters: "Đ" is upper case, "ễ" lower case, neither is special.
        "Đễ1!xxxx         | 8  | OK",
        "Đễ1xxxxx         | 8  | SPECIAL",
        "đễ1!xxxx         | 8  | UPPER_CASE",
        // Length counts characters, not UTF-16 units: 7 code points including an emoji.
        "Aa1!aa😀         | 8  | MIN_LENGTH",
      })
  void reportsTheFirstRuleBroken(String password, int minLength, CompositionRule expected) {
    assertThat(CompositionRule.firstViolation(password, minLength))
        .isEqualTo(Optional.ofNullable(expected));
  }

  @org.junit.jupiter.api.Test
  void nullPasswordFailsOnLength() {
    assertThat(CompositionRule.firstViolation(null, 8)).contains(CompositionRule.MIN_LENGTH);
  }
}
