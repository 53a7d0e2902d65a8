package vn.yte.iam.mfa.lookup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpStatus;
import vn.yte.iam.mfa.web.ApiException;

class CitizenIdTest {

  @ParameterizedTest
  @ValueSource(strings = {"001090012345", "011185067890", "079205000001"})
  void acceptsValidNumbers(String value) {
    assertThat(CitizenId.problem(value)).isNull();
  }

  /**
   * Staff read the Vietnamese: it must name the same broken rule as the English, not one sentence
   * for every rule (a number from the future said "must be 12 digits with a valid province").
   */
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "00109001234  | must be exactly 12 digits | phải gồm đúng 12 chữ số",
        "0010900123456| must be exactly 12 digits | phải gồm đúng 12 chữ số",
        "00109001234a | must be exactly 12 digits | phải gồm đúng 12 chữ số",
        "００１０９００１２３４５ | must be exactly 12 digits | phải gồm đúng 12 chữ số",
        "' OR 1=1 --'  | must be exactly 12 digits | phải gồm đúng 12 chữ số",
        "003090012345 | unknown province code 003 | không có mã tỉnh, thành phố 003",
        "097090012345 | unknown province code 097 | không có mã tỉnh, thành phố 097",
        "001290012345 | century digit gives a birth year in the future"
            + " | chữ số thế kỷ cho ra năm sinh ở tương lai",
      })
  void namesTheBrokenRuleInBothLanguages(String value, String english, String vietnamese) {
    CitizenId.Problem problem = CitizenId.problem(value);
    assertThat(problem.english()).isEqualTo(english);
    assertThat(problem.vietnamese()).isEqualTo(vietnamese);
    ApiException answer = problem.asBadRequest();
    assertThat(answer.status()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(answer.code()).isEqualTo("INVALID_CITIZEN_ID");
    assertThat(answer.messageVi())
        .isEqualTo("Số định danh cá nhân không hợp lệ: " + vietnamese + ".");
    assertThat(answer.messageEn())
        .isEqualTo("Invalid personal identification number: " + english + ".");
  }

  @ParameterizedTest
  @CsvSource({"001090012345, 001******345"})
  void masksForDisplay(String value, String masked) {
    CitizenId id = new CitizenId(value);
    assertThat(id.masked()).isEqualTo(masked);
    assertThat(id.toString()).isEqualTo(masked).doesNotContain(value);
  }

  @org.junit.jupiter.api.Test
  void constructorRefusesInvalid() {
    assertThatThrownBy(() -> new CitizenId("123")).isInstanceOf(IllegalArgumentException.class);
  }
}
