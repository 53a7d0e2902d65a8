package vn.yte.iam.keycloak.sharing;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * ACC-3: the signs that one account is being used by more than one person, from facts Keycloak
 * already has: the user's other live sessions, and a short history of their logins.
 */
public final class SharingSignals {
  /** What was seen. */
  public enum Signal {
    /** Another live session of the account is on a different workstation. */
    CONCURRENT_SESSION,
    /** The previous login came from another network too recently for one person to have moved. */
    IMPOSSIBLE_INTERVAL,
    /** More distinct devices than one person plausibly uses, within the history window. */
    MANY_DEVICES
  }

  /** A live session of the same account, as Keycloak reports it. */
  public record OtherSession(String id, String address) {}

  /** Thresholds, from the authenticator's configuration. */
  public record Rules(
      int ipv4PrefixBits, long minIntervalSeconds, int maxDevices, long windowSeconds) {}

  /** What the detector concluded, and which other sessions are on other workstations. */
  public record Finding(Set<Signal> signals, List<OtherSession> elsewhere) {
    public boolean any() {
      return !signals.isEmpty();
    }
  }

  private final Rules rules;

  public SharingSignals(Rules rules) {
    this.rules = rules;
  }

  /**
   * @param address the address of this login
   * @param others the account's other live sessions
   * @param history earlier logins, this one not included
   * @param device this login's device key
   */
  public Finding check(
      String address,
      Collection<OtherSession> others,
      LoginHistory history,
      String device,
      long nowEpochSeconds) {
    Set<Signal> signals = EnumSet.noneOf(Signal.class);
    List<OtherSession> elsewhere = new ArrayList<>();
    for (OtherSession other : others) {
      if (other.address() != null && !other.address().equals(address)) {
        elsewhere.add(other);
      }
    }
    if (!elsewhere.isEmpty()) {
      signals.add(Signal.CONCURRENT_SESSION);
    }
    history
        .latest()
        .filter(last -> !sameNetwork(last.address(), address))
        .filter(last -> nowEpochSeconds - last.epochSeconds() < rules.minIntervalSeconds())
        .ifPresent(last -> signals.add(Signal.IMPOSSIBLE_INTERVAL));
    LoginHistory.Entry login = new LoginHistory.Entry(nowEpochSeconds, address, device);
    if (history.plus(login, rules.windowSeconds()).deviceCount() > rules.maxDevices()) {
      signals.add(Signal.MANY_DEVICES);
    }
    return new Finding(signals, elsewhere);
  }

  /**
   * Same network: IPv4 addresses sharing the configured prefix (a hospital floor or building), or
   * IPv6 addresses sharing their /64. Unparseable addresses are never the same network.
   */
  boolean sameNetwork(String a, String b) {
    byte[] x = parse(a);
    byte[] y = parse(b);
    if (x == null || y == null || x.length != y.length) {
      return false;
    }
    int bits = x.length == 4 ? rules.ipv4PrefixBits() : 64;
    for (int i = 0; i < bits; i++) {
      int mask = 0x80 >>> (i % 8);
      if ((x[i / 8] & mask) != (y[i / 8] & mask)) {
        return false;
      }
    }
    return true;
  }

  private static byte[] parse(String address) {
    // Literal addresses only: a name here must never trigger a DNS lookup.
    if (address == null || address.isEmpty() || !address.matches("[0-9a-fA-F:.]+")) {
      return null;
    }
    try {
      return InetAddress.getByName(address).getAddress();
    } catch (UnknownHostException e) {
      return null;
    }
  }
}
