package vn.yte.iam.keycloak.passwordpolicy.blocklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BlockedPasswordsTest {
  private static final BlockedPasswords SHIPPED = shipped();

  private static BlockedPasswords shipped() {
    try {
      Path list =
          Path.of(System.getProperty("policies.dir", "../policies"), "passwords", "default.txt");
      return BlockedPasswords.of(Files.readAllLines(list));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Abc@123",
        "Abc@1234",
        "P@ssw0rd",
        "P@ssw0rd!",
        "123456a@",
        "Matkhau@123",
        "MatKhau#2026",
        "Benhvien@2024",
        "B3nhv1en#2025",
        "benhvien2026!",
        "Bachmai@2025",
        "ChoRay@123",
        "Qwerty@123",
        "1qaz@WSX",
        "Admin@123",
        "Hospital#2024",
        "Soyte@2023",
        "Khoanoi@01",
        "Nguyen@1990",
        "Matkhauu@1",
        "Pasword@1",
        "Passwrod@1"
      })
  void refusesDefaultSimpleAndNearVariants(String password) {
    assertThat(SHIPPED.match(password)).as(password).isPresent();
  }

  @ParameterizedTest
  @ValueSource(strings = {"Tr4m-Y-Te-9x!", "mua-Thu#Ha-Noi-87", "K7#vQz2!pLm", "Gi0-Lang&Mo-Hoi"})
  void acceptsPasswordsNotOnTheList(String password) {
    assertThat(SHIPPED.match(password)).as(password).isEmpty();
  }

  @Test
  void shortEntriesMatchOnlyExactly() {
    BlockedPasswords list = BlockedPasswords.of(List.of("anh"));
    assertThat(list.match("Anh@2024")).isPresent();
    assertThat(list.match("Ang@2024")).isEmpty();
  }

  @Test
  void commentsAndBlankLinesAreIgnored() {
    BlockedPasswords list = BlockedPasswords.of(List.of("# matkhau", "", "  "));
    assertThat(list.size()).isZero();
    assertThat(list.match("Matkhau@1")).isEmpty();
  }

  @Test
  void oneEditCoversInsertDeleteSubstituteAndSwap() {
    assertThat(BlockedPasswords.withinOneEdit("benhvien", "benhvien")).isTrue();
    assertThat(BlockedPasswords.withinOneEdit("benhvien", "benhvienx")).isTrue();
    assertThat(BlockedPasswords.withinOneEdit("benhvien", "behvien")).isTrue();
    assertThat(BlockedPasswords.withinOneEdit("benhvien", "benhxien")).isTrue();
    assertThat(BlockedPasswords.withinOneEdit("benhvien", "benhvine")).isTrue();
    assertThat(BlockedPasswords.withinOneEdit("benhvien", "bnehvine")).isFalse();
    assertThat(BlockedPasswords.withinOneEdit("benhvien", "benhvi")).isFalse();
  }
}
