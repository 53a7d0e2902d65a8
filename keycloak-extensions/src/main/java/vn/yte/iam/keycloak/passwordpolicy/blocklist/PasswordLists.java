package vn.yte.iam.keycloak.passwordpolicy.blocklist;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Finds word lists by name: first {@code NAME.txt} in the operator's directory (so a realm adds or
 * overrides a list without a rebuild), then the lists shipped in the jar from {@code
 * policies/passwords/}. A combination of lists is indexed once and re-read only when a file in it
 * changes.
 */
final class PasswordLists {
  static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");
  private static final String BUNDLED = "/yte/password-lists/";

  private final Path directory;
  private final Map<List<String>, Indexed> cache = new ConcurrentHashMap<>();

  PasswordLists(Path directory) {
    this.directory = directory;
  }

  /** The index of the named lists together; fails with a message naming a missing list. */
  BlockedPasswords get(List<String> names) {
    List<Long> stamps = stamps(names);
    Indexed indexed = cache.get(names);
    if (indexed == null || !indexed.stamps.equals(stamps)) {
      List<String> lines = new ArrayList<>();
      for (String name : names) {
        lines.addAll(read(name));
      }
      indexed = new Indexed(stamps, BlockedPasswords.of(lines));
      cache.put(List.copyOf(names), indexed);
    }
    return indexed.list;
  }

  /** Whether a list of this name exists, for validating the policy value an admin types. */
  boolean exists(String name) {
    return NAME.matcher(name).matches()
        && (Files.isRegularFile(file(name))
            || getClass().getResource(BUNDLED + name + ".txt") != null);
  }

  private List<Long> stamps(List<String> names) {
    List<Long> stamps = new ArrayList<>(names.size());
    for (String name : names) {
      try {
        Path file = file(name);
        stamps.add(Files.isRegularFile(file) ? Files.getLastModifiedTime(file).toMillis() : -1L);
      } catch (IOException e) {
        stamps.add(-2L);
      }
    }
    return stamps;
  }

  private List<String> read(String name) {
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("Invalid password list name: " + name);
    }
    Path file = file(name);
    try {
      if (Files.isRegularFile(file)) {
        return Files.readAllLines(file, StandardCharsets.UTF_8);
      }
      try (InputStream in = getClass().getResourceAsStream(BUNDLED + name + ".txt")) {
        if (in == null) {
          throw new IllegalArgumentException("No password list named " + name);
        }
        return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read password list " + name, e);
    }
  }

  private Path file(String name) {
    return directory.resolve(name + ".txt");
  }

  private record Indexed(List<Long> stamps, BlockedPasswords list) {}
}
