package vn.yte.iam.keycloak.sharing;

import java.util.Locale;
import java.util.Map;

/** The realm's answer to a shared-account signal, and the thresholds, from execution config. */
record SharingPolicy(Action action, SharingSignals.Rules rules) {
  static final String ACTION = "yte.sharing.action";
  static final String IPV4_PREFIX = "yte.sharing.ipv4PrefixBits";
  static final String MIN_INTERVAL = "yte.sharing.minIntervalSeconds";
  static final String MAX_DEVICES = "yte.sharing.maxDevices";
  static final String WINDOW_HOURS = "yte.sharing.windowHours";

  /** What happens to a login that shows a signal. */
  enum Action {
    FLAG,
    TERMINATE,
    DENY
  }

  static SharingPolicy from(Map<String, String> config) {
    return new SharingPolicy(
        Action.valueOf(config.getOrDefault(ACTION, "flag").trim().toUpperCase(Locale.ROOT)),
        new SharingSignals.Rules(
            intOf(config, IPV4_PREFIX, 24),
            intOf(config, MIN_INTERVAL, 600),
            intOf(config, MAX_DEVICES, 3),
            intOf(config, WINDOW_HOURS, 24) * 3600L));
  }

  private static int intOf(Map<String, String> config, String key, int fallback) {
    String value = config.get(key);
    return value == null || value.isBlank() ? fallback : Integer.parseInt(value.trim());
  }
}
