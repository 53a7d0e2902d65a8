package vn.yte.iam.keycloak.sharing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import vn.yte.iam.keycloak.sharing.SharingSignals.OtherSession;
import vn.yte.iam.keycloak.sharing.SharingSignals.Signal;

/** ACC-3: the signals of one account used by several people. */
class SharingSignalsTest {
  static final long NOW = 1_800_000_000L;
  final SharingSignals signals = new SharingSignals(new SharingSignals.Rules(24, 600, 3, 86_400));

  @Test
  void aSecondLiveSessionOnAnotherWorkstationIsFlagged() {
    SharingSignals.Finding f =
        signals.check(
            "10.1.2.20",
            List.of(new OtherSession("s1", "10.1.2.10")),
            LoginHistory.parse(List.of()),
            "dev-a",
            NOW);
    assertThat(f.signals()).containsExactly(Signal.CONCURRENT_SESSION);
    assertThat(f.elsewhere()).extracting(OtherSession::id).containsExactly("s1");
  }

  @Test
  void theSameWorkstationAgainIsNotASignal() {
    SharingSignals.Finding f =
        signals.check(
            "10.1.2.20",
            List.of(new OtherSession("s1", "10.1.2.20")),
            LoginHistory.parse(List.of((NOW - 60) + " 10.1.2.20 dev-a")),
            "dev-a",
            NOW);
    assertThat(f.any()).isFalse();
  }

  @Test
  void anotherNetworkTooSoonAfterTheLastLoginIsAnImpossibleInterval() {
    LoginHistory history = LoginHistory.parse(List.of((NOW - 120) + " 10.9.0.5 dev-a"));
    assertThat(signals.check("10.1.2.20", List.of(), history, "dev-a", NOW).signals())
        .containsExactly(Signal.IMPOSSIBLE_INTERVAL);
    // Same /24: a colleague's workstation next door is not a journey.
    assertThat(signals.check("10.9.0.77", List.of(), history, "dev-a", NOW).any()).isFalse();
    // Long enough to have moved.
    LoginHistory earlier = LoginHistory.parse(List.of((NOW - 3600) + " 10.9.0.5 dev-a"));
    assertThat(signals.check("10.1.2.20", List.of(), earlier, "dev-a", NOW).any()).isFalse();
  }

  @Test
  void moreDevicesThanAllowedWithinTheWindowAreFlagged() {
    LoginHistory history =
        LoginHistory.parse(
            List.of(
                (NOW - 7200) + " 10.1.2.20 dev-a",
                (NOW - 5400) + " 10.1.2.20 dev-b",
                (NOW - 3600) + " 10.1.2.20 dev-c"));
    assertThat(signals.check("10.1.2.20", List.of(), history, "dev-c", NOW).any()).isFalse();
    assertThat(signals.check("10.1.2.20", List.of(), history, "dev-d", NOW).signals())
        .containsExactly(Signal.MANY_DEVICES);
    // Outside the 24-hour window they no longer count.
    assertThat(signals.check("10.1.2.20", List.of(), history, "dev-d", NOW + 86_400).any())
        .isFalse();
  }

  @Test
  void networksAreComparedByPrefixAndIpv6By64() {
    assertThat(signals.sameNetwork("192.168.7.1", "192.168.7.254")).isTrue();
    assertThat(signals.sameNetwork("192.168.7.1", "192.168.8.1")).isFalse();
    assertThat(signals.sameNetwork("2001:db8:1:2::10", "2001:db8:1:2::99")).isTrue();
    assertThat(signals.sameNetwork("2001:db8:1:2::10", "2001:db8:1:3::10")).isFalse();
    assertThat(signals.sameNetwork("10.0.0.1", "2001:db8::1")).isFalse();
    assertThat(signals.sameNetwork("host.example", "host.example")).isFalse();
    assertThat(signals.sameNetwork(null, "10.0.0.1")).isFalse();
  }

  @Test
  void historyKeepsTheWindowAndSkipsMalformedLines() {
    LoginHistory history =
        LoginHistory.parse(List.of("garbage", "x 1.2.3.4 d", (NOW - 100_000) + " 10.0.0.1 old"));
    LoginHistory after = history.plus(new LoginHistory.Entry(NOW, "10.0.0.2", "new"), 86_400);
    assertThat(after.format()).containsExactly(NOW + " 10.0.0.2 new");
    LoginHistory many = LoginHistory.parse(List.of());
    for (int i = 0; i < 30; i++) {
      many = many.plus(new LoginHistory.Entry(NOW + i, "10.0.0.1", "d"), 86_400);
    }
    assertThat(many.format()).hasSize(LoginHistory.MAX_ENTRIES);
    assertThat(many.latest())
        .get()
        .extracting(LoginHistory.Entry::epochSeconds)
        .isEqualTo(NOW + 29);
  }
}
