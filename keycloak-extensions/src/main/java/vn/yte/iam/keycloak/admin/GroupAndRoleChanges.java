package vn.yte.iam.keycloak.admin;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.keycloak.events.admin.AdminEvent;

/**
 * Master's stored changes to its groups and realm roles, read once for a page and looked up by
 * resource. Keycloak's event store has no index on the resource path, so each lookup there reads
 * all of master's admin events; one read of these instead of one per group or role keeps a page of
 * many imported accounts from reading master's history hundreds of times.
 */
final class GroupAndRoleChanges {
  /** Where master records changes to groups and realm roles ({@code realms/<id>}: an import). */
  static final List<String> PATTERNS = List.of("groups*", "roles*", "realms/*");

  private final List<AdminEvent> all;
  private final Map<String, List<AdminEvent>> byResource = new HashMap<>();
  private final List<AdminEvent> children = new ArrayList<>();

  GroupAndRoleChanges(List<AdminEvent> changes) {
    this.all = changes;
    for (AdminEvent change : changes) {
      String resource = resourceOf(change.getResourcePath());
      if (resource != null) {
        byResource.computeIfAbsent(resource, r -> new ArrayList<>()).add(change);
        String[] segments = change.getResourcePath().split("/");
        if (segments.length == 3
            && segments[0].equals("groups")
            && segments[2].equals("children")) {
          children.add(change);
        }
      }
    }
  }

  /** Every change read. */
  List<AdminEvent> all() {
    return all;
  }

  /**
   * Changes to {@code resource} ({@code groups/<id>}, {@code roles/<name>}, {@code
   * roles-by-id/<id>}, {@code realms/<id>}) itself or to anything under it.
   */
  Stream<AdminEvent> to(String resource) {
    return byResource.getOrDefault(resource, List.of()).stream();
  }

  /**
   * Subgroups made under a group, or groups moved under one: Keycloak records them at {@code
   * groups/<parent>/children}.
   */
  Stream<AdminEvent> children() {
    return children.stream();
  }

  /** The first two segments of a path, such as {@code groups/<id>}; null for a shorter one. */
  private static String resourceOf(String path) {
    if (path == null) {
      return null;
    }
    int first = path.indexOf('/');
    if (first < 0) {
      return null;
    }
    int second = path.indexOf('/', first + 1);
    return second < 0 ? path : path.substring(0, second);
  }
}
