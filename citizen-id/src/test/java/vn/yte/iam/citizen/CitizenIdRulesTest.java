package vn.yte.iam.citizen;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import vn.yte.iam.citizen.CitizenIdRules.Problem;

class CitizenIdRulesTest {
  @Test
  void acceptsValidNumbers() {
    assertThat(CitizenIdRules.check("001090012345", null)).isEmpty();
    assertThat(CitizenIdRules.check("079192034567", 1992)).isEmpty();
    assertThat(CitizenIdRules.check("001305012345", 2005)).isEmpty();
  }

  @Test
  void namesEachProblem() {
    assertThat(CitizenIdRules.check("00109001234", null)).contains(Problem.FORMAT);
    assertThat(CitizenIdRules.check("00109001234x", null)).contains(Problem.FORMAT);
    assertThat(CitizenIdRules.check(null, null)).contains(Problem.FORMAT);
    assertThat(CitizenIdRules.check("003090012345", null)).contains(Problem.PROVINCE);
    assertThat(CitizenIdRules.check("001990012345", null)).contains(Problem.FUTURE_BIRTH_YEAR);
    assertThat(CitizenIdRules.check("001090012345", 1991)).contains(Problem.BIRTH_YEAR_MISMATCH);
  }

  @Test
  void decodesCenturyAndMasks() {
    assertThat(CitizenIdRules.birthYear("001190012345")).isEqualTo(1990);
    assertThat(CitizenIdRules.birthYear("001205012345")).isEqualTo(2005);
    assertThat(CitizenIdRules.masked("079192034567")).isEqualTo("079******567");
  }
}
