package vn.yte.iam.keycloak.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordTextTest {
  @Test
  void foldsVietnameseDiacriticsAndDStroke() {
    assertThat(PasswordText.fold("Nguyễn Đức Thắng")).isEqualTo("nguyen duc thang");
    assertThat(PasswordText.fold("BỆNH VIỆN")).isEqualTo("benh vien");
  }

  @Test
  void undoesLookAlikeSubstitutions() {
    assertThat(PasswordText.unleet("p@$$w0rd")).isEqualTo("password".replace('l', 'i'));
    assertThat(PasswordText.unleet("h3ll0")).isEqualTo("heiio");
    assertThat(PasswordText.unleet("1")).isEqualTo(PasswordText.unleet("l"));
  }

  @Test
  void stripsDecorationAtTheEnds() {
    assertThat(PasswordText.stripTrailing("abc@123")).isEqualTo("abc");
    assertThat(PasswordText.stripTrailing("123456a@")).isEqualTo("123456a");
    assertThat(PasswordText.stripLeading("2024benhvien")).isEqualTo("benhvien");
    assertThat(PasswordText.stripTrailing("12345")).isEmpty();
  }

  @Test
  void keysCoverWholeAndCoreForms() {
    assertThat(PasswordText.keys("Benhvien@2024")).contains("benhvien", "benhviena2o2a");
    assertThat(PasswordText.keys("Abc@123")).contains("abc", "abcai2e");
  }

  @Test
  void shapeIgnoresOnlyTheTrailingNumber() {
    assertThat(PasswordText.shape("Tr4m-Y-Te-2024!"))
        .isEqualTo(PasswordText.shape("tr4m-y-te-2025#"));
    assertThat(PasswordText.shape("Tr4m-Y-Te-2024!"))
        .isNotEqualTo(PasswordText.shape("Tr4m-Y-Xe-2024!"));
  }

  @Test
  void digitsDropSeparators() {
    assertThat(PasswordText.digits("01/02-1990")).isEqualTo("01021990");
  }
}
