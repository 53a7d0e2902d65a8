package vn.yte.iam.keycloak.sharing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The account's recent logins, kept in one user attribute as "epochSeconds address device" lines,
 * newest last: enough to spot impossible intervals and many devices without a table of our own.
 */
public final class LoginHistory {
  /** One login. {@code device} is a short hash, never the raw user agent. */
  public record Entry(long epochSeconds, String address, String device) {
    String format() {
      return epochSeconds + " " + address + " " + device;
    }
  }

  static final int MAX_ENTRIES = 20;

  private final List<Entry> entries;

  private LoginHistory(List<Entry> entries) {
    this.entries = entries;
  }

  /** Reads the attribute's values; malformed lines (edited by hand) are skipped, not fatal. */
  public static LoginHistory parse(List<String> values) {
    List<Entry> entries = new ArrayList<>();
    for (String value : values == null ? List.<String>of() : values) {
      String[] parts = value.trim().split(" ");
      if (parts.length != 3) {
        continue;
      }
      try {
        entries.add(new Entry(Long.parseLong(parts[0]), parts[1], parts[2]));
      } catch (NumberFormatException e) {
        // skipped
      }
    }
    entries.sort(Comparator.comparingLong(Entry::epochSeconds));
    return new LoginHistory(entries);
  }

  public Optional<Entry> latest() {
    return entries.isEmpty() ? Optional.empty() : Optional.of(entries.get(entries.size() - 1));
  }

  public long deviceCount() {
    return entries.stream().map(Entry::device).distinct().count();
  }

  /** This history plus a login, without entries older than the window, at most 20 entries. */
  public LoginHistory plus(Entry login, long windowSeconds) {
    List<Entry> kept = new ArrayList<>();
    for (Entry e : entries) {
      if (login.epochSeconds() - e.epochSeconds() <= windowSeconds) {
        kept.add(e);
      }
    }
    kept.add(login);
    while (kept.size() > MAX_ENTRIES) {
      kept.remove(0);
    }
    return new LoginHistory(kept);
  }

  public List<String> format() {
    return entries.stream().map(Entry::format).toList();
  }
}
