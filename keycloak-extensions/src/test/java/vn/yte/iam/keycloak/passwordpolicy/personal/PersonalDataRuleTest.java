package vn.yte.iam.keycloak.passwordpolicy.personal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PersonalDataRuleTest {
  private static final PersonalData AN =
      new PersonalData(
          "bs.nguyenvanan",
          "an.nv@benhvien-demo.vn",
          "An",
          "Nguyễn Văn",
          "001090012345",
          "1990-02-01",
          "+84 912 345 678");

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "Bs.NguyenVanAn#1, USERNAME",
    "xX-nguyenvanan-Xx9, USERNAME",
    "Zq#9-An.Nv-x, USERNAME",
    "Nguyễn#Zq9xx, NAME",
    "NGUYEN!zq9xx, NAME",
    "Zq9#VanAn!, NAME",
    "Zq9#AnNguyen!, NAME",
    "Qz#012345xy, CITIZEN_ID",
    "Qz#001090012345, CITIZEN_ID",
    "Qz#01021990x, BIRTH_DATE",
    "Qz#01/02/1990x, BIRTH_DATE",
    "Qz#19900201x, BIRTH_DATE",
    "Qz#0912345678, PHONE",
    "Qz#345678-Kx, PHONE"
  })
  void refusesPasswordsBuiltFromOwnData(String password, PersonalDataRule rule) {
    assertThat(PersonalDataRule.firstViolation(password, AN)).contains(rule);
  }

  @ParameterizedTest
  @CsvSource({"Tr4m-Y-Te-9x!", "Mua-Thu#Hn-87", "Kx#1990-Qz"})
  void acceptsPasswordsWithoutOwnData(String password) {
    assertThat(PersonalDataRule.firstViolation(password, AN)).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({"Qz#an-2026-Kx"})
  void shortNamePartsAloneAreNotRefused(String password) {
    // "An" is too common to refuse on its own; it is refused only next to another name part.
    assertThat(PersonalDataRule.firstViolation(password, AN)).isEmpty();
  }
}
