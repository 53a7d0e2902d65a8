package vn.yte.iam.keycloak.passwordpolicy.similar;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ShapeHistoryTest {
  @Test
  void recognisesAChangedTrailingNumberAcrossReloads() {
    ShapeHistory history = ShapeHistory.parse(null);
    history.remember(history.hashOf("Benhvien-Tinh#2024").orElseThrow(), 5);
    ShapeHistory reloaded = ShapeHistory.parse(history.serialize());
    assertThat(reloaded.contains(reloaded.hashOf("benhvien-tinh#2025!").orElseThrow())).isTrue();
    assertThat(reloaded.contains(reloaded.hashOf("Benhvien-Huyen#2025").orElseThrow())).isFalse();
  }

  @Test
  void storesNoClearText() {
    ShapeHistory history = ShapeHistory.parse(null);
    history.remember(history.hashOf("Secretword#1").orElseThrow(), 5);
    assertThat(history.serialize()).startsWith("v1:").doesNotContainIgnoringCase("secretword");
  }

  @Test
  void keepsOnlyTheNewest() {
    ShapeHistory history = ShapeHistory.parse(null);
    String first = history.hashOf("Alpha-Word#1").orElseThrow();
    history.remember(first, 2);
    history.remember(history.hashOf("Bravo-Word#1").orElseThrow(), 2);
    history.remember(history.hashOf("Charlie-Word#1").orElseThrow(), 2);
    assertThat(history.contains(first)).isFalse();
  }

  @Test
  void differentUsersGetDifferentSalts() {
    ShapeHistory a = ShapeHistory.parse(null);
    ShapeHistory b = ShapeHistory.parse(null);
    assertThat(a.hashOf("Same-Shape#1")).isNotEqualTo(b.hashOf("Same-Shape#1"));
  }

  @Test
  void unreadableStoredValueStartsFresh() {
    ShapeHistory history = ShapeHistory.parse("v0:garbage");
    assertThat(history.serialize()).startsWith("v1:").endsWith(":");
  }

  @Test
  void shapesTooShortAreNotKept() {
    assertThat(ShapeHistory.parse(null).hashOf("Ab#12345678")).isEmpty();
  }
}
