package vn.yte.iam.keycloak.issuance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RandomPasswordsTest {
  private final RandomPasswords passwords = new RandomPasswords(new SecureRandom());

  @Test
  void everyPasswordHasEachClassAndOnlyUnambiguousCharacters() {
    for (int i = 0; i < 2000; i++) {
      String p = passwords.next(16);
      assertThat(p).hasSize(16);
      assertThat(p.chars().anyMatch(c -> RandomPasswords.UPPER.indexOf(c) >= 0)).isTrue();
      assertThat(p.chars().anyMatch(c -> RandomPasswords.LOWER.indexOf(c) >= 0)).isTrue();
      assertThat(p.chars().anyMatch(c -> RandomPasswords.DIGITS.indexOf(c) >= 0)).isTrue();
      assertThat(p.chars().anyMatch(c -> RandomPasswords.SPECIAL.indexOf(c) >= 0)).isTrue();
      assertThat(p).doesNotContain("0", "O", "1", "l", "I");
    }
  }

  @Test
  void passwordsDoNotRepeat() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 10_000; i++) {
      assertThat(seen.add(passwords.next(16))).isTrue();
    }
  }

  @Test
  void refusesWeakLengths() {
    assertThatThrownBy(() -> passwords.next(7)).isInstanceOf(IllegalArgumentException.class);
  }
}
