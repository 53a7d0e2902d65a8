package vn.yte.iam.mfa.lookup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CitizenIdTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      nullValues = "VALID",
      value = {
        "001090012345 | VALID",
        "011185067890 | VALID",
        "079205000001 | VALID",
        "00109001234  | must be exactly 12 digits",
        "0010900123456| must be exactly 12 digits",
        "00109001234a | must be exactly 12 digits",
        "００１０９００１２３４５ | must be exactly 12 digits",
        "' OR 1=1 --'  | must be exactly 12 digits",
        "003090012345 | unknown province code 003",
        "097090012345 | unknown province code 097",
        "001290012345 | century digit gives a birth year in the future",
      })
  void validates(String value, String problem) {
    assertThat(CitizenId.problem(value)).isEqualTo(problem);
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
