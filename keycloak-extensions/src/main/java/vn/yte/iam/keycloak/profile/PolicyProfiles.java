package vn.yte.iam.keycloak.profile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds profiles by id: {@code ID.json} in the operator's directory first (SPI option {@code
 * profiles-dir}, default {@code conf/yte-profiles}), then the profiles shipped in the jar from
 * {@code policies/profiles/}.
 */
final class PolicyProfiles {
  static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");
  static final String[] BUNDLED = {"moh-2021", "strict"};
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path directory;

  PolicyProfiles(Path directory) {
    this.directory = directory;
  }

  Optional<PolicyProfile> find(String id) {
    if (id == null || !ID.matcher(id).matches()) {
      return Optional.empty();
    }
    try {
      Path file = directory.resolve(id + ".json");
      if (Files.isRegularFile(file)) {
        return Optional.of(read(Files.readAllBytes(file), id));
      }
      try (InputStream in = getClass().getResourceAsStream("/yte/profiles/" + id + ".json")) {
        return in == null ? Optional.empty() : Optional.of(read(in.readAllBytes(), id));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read profile " + id, e);
    }
  }

  TreeSet<String> ids() {
    TreeSet<String> ids = new TreeSet<>(java.util.List.of(BUNDLED));
    if (Files.isDirectory(directory)) {
      try (Stream<Path> files = Files.list(directory)) {
        files
            .map(p -> p.getFileName().toString())
            .filter(n -> n.endsWith(".json"))
            .map(n -> n.substring(0, n.length() - 5))
            .filter(n -> ID.matcher(n).matches())
            .forEach(ids::add);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return ids;
  }

  private static PolicyProfile read(byte[] bytes, String id) throws IOException {
    JsonNode json = JSON.readTree(bytes);
    PolicyProfile profile = PolicyProfile.fromJson(json);
    if (!profile.id().equals(id)) {
      throw new IllegalArgumentException(
          "Profile file " + id + ".json declares id " + profile.id());
    }
    return profile;
  }
}
