package vn.yte.iam.keycloak.admin;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.events.admin.OperationType;

/**
 * The names master's stored admin events gave its groups and realm roles. A partial import names a
 * group by its path and a role by its name; once that group or role is deleted, Keycloak no longer
 * knows whose they were, and only these events tie the name to the id whose rights the events show.
 * A group or role renamed or moved keeps every name and place it had: whichever the import used, it
 * was one of them.
 */
final class RecordedNames {
  /**
   * Group nesting deeper than this is not followed: a guard against parent cycles in the record.
   */
  private static final int DEEPEST = 64;

  private static final String TOP = "";

  private final Function<List<String>, String> pathOf;
  private final Map<String, Set<String>> groupNames = new HashMap<>();
  private final Map<String, Set<String>> groupParents = new HashMap<>();
  private final Map<String, Set<String>> groupPaths = new HashMap<>();
  private final Map<String, Set<String>> roleIds = new HashMap<>();
  private final Map<String, Set<String>> roleNames = new HashMap<>();
  private final Map<String, Set<String>> renamedTo = new HashMap<>();
  private Map<String, Set<String>> groupsByPath;

  /**
   * @param pathOf a group's path from its names, top first, written the way the server writes paths
   *     (Keycloak escapes a {@code /} inside a name)
   */
  private RecordedNames(Function<List<String>, String> pathOf) {
    this.pathOf = pathOf;
  }

  /**
   * Reads master's stored changes to groups (at {@code groups}, {@code groups/<id>} and {@code
   * groups/<parent>/children}) and to realm roles (at {@code roles/<name>}, {@code
   * roles-by-id/<id>} and, for a partial import, {@code realms/<id>}); other changes are passed
   * over.
   */
  static RecordedNames of(Iterable<AdminEvent> changes, Function<List<String>, String> pathOf) {
    RecordedNames names = new RecordedNames(pathOf);
    for (AdminEvent change : changes) {
      names.read(change);
    }
    names.followRenames();
    return names;
  }

  /** Ids of the groups that had {@code path} at some time, as far as the events tell. */
  Set<String> groupsAt(String path) {
    if (groupsByPath == null) {
      // Worked out once: a page may ask for many paths.
      groupsByPath = new HashMap<>();
      for (String id : groupNames.keySet()) {
        pathsOf(id, 0).forEach(at -> add(groupsByPath, at, id));
      }
      groupPaths.forEach((id, paths) -> paths.forEach(at -> add(groupsByPath, at, id)));
    }
    return groupsByPath.getOrDefault(path, Set.of());
  }

  /**
   * Ids of the realm roles that were named {@code name} at some time, as far as the events tell.
   */
  Set<String> rolesNamed(String name) {
    return roleIds.getOrDefault(name, Set.of());
  }

  /** Every name realm role {@code id} had, as far as the events tell. */
  Set<String> namesOfRole(String id) {
    return roleNames.getOrDefault(id, Set.of());
  }

  private void read(AdminEvent change) {
    String path = change.getResourcePath();
    if (path == null) {
      return;
    }
    JsonNode rep = RealmAdministration.read(change.getRepresentation());
    String[] segments = path.split("/");
    switch (segments[0]) {
      case "groups" -> readGroup(segments, change.getOperationType(), rep);
      case "roles" -> {
        if (segments.length == 2) {
          // Created or changed by name: the representation carries the id (Keycloak adds it on
          // creation), and a new name if it was renamed.
          String id = text(rep, "id");
          String name = text(rep, "name");
          if (id != null) {
            role(segments[1], id);
            role(name, id);
          } else if (name != null && !name.equals(segments[1])) {
            // Renamed by its old name in a request without its id: whichever role had the old
            // name, once every change is read, has the new one too.
            add(renamedTo, segments[1], name);
          }
        }
      }
      case "roles-by-id", "realms" -> {
        if (segments.length == 2) {
          role(text(rep, "name"), segments[1]);
        }
      }
      default -> {}
    }
  }

  private void readGroup(String[] segments, OperationType operation, JsonNode rep) {
    if (segments.length == 1) {
      // A group moved to the top: recorded at "groups", with the group as the representation.
      String id = text(rep, "id");
      if (id != null) {
        add(groupParents, id, TOP);
      }
    } else if (segments.length == 2) {
      // Made at the top, renamed, or written by a partial import, whose representation has its
      // path and those of its subgroups.
      String id = segments[1];
      add(groupNames, id, text(rep, "name"));
      if (operation == OperationType.CREATE && text(rep, "path") == null) {
        add(groupParents, id, TOP);
      }
      importedPaths(rep, id);
    } else if (segments.length == 3 && segments[2].equals("children")) {
      // A subgroup made under the group, or a group moved under it.
      String id = text(rep, "id");
      if (id != null) {
        add(groupNames, id, text(rep, "name"));
        add(groupParents, id, segments[1]);
      }
    }
  }

  private void importedPaths(JsonNode rep, String id) {
    if (rep == null) {
      return;
    }
    add(groupPaths, id, text(rep, "path"));
    for (JsonNode sub : rep.path("subGroups")) {
      String subId = text(sub, "id");
      if (subId != null) {
        importedPaths(sub, subId);
      }
    }
  }

  /** Every path group {@code id} had by the events: each of its names under each of its parents. */
  private Set<String> pathsOf(String id, int depth) {
    Set<String> paths = new HashSet<>();
    for (List<String> chain : chainsOf(id, depth)) {
      paths.add(pathOf.apply(chain));
    }
    return paths;
  }

  private List<List<String>> chainsOf(String id, int depth) {
    List<List<String>> chains = new ArrayList<>();
    if (depth > DEEPEST) {
      return chains;
    }
    for (String name : groupNames.getOrDefault(id, Set.of())) {
      for (String parent : groupParents.getOrDefault(id, Set.of())) {
        if (parent.equals(TOP)) {
          chains.add(List.of(name));
          continue;
        }
        for (List<String> above : chainsOf(parent, depth + 1)) {
          List<String> chain = new ArrayList<>(above);
          chain.add(name);
          chains.add(chain);
        }
      }
    }
    return chains;
  }

  /** Gives each role renamed by name its new names, through renames of renames. */
  private void followRenames() {
    boolean grew = true;
    while (grew) {
      grew = false;
      for (Map.Entry<String, Set<String>> rename : renamedTo.entrySet()) {
        for (String id : List.copyOf(rolesNamed(rename.getKey()))) {
          for (String name : rename.getValue()) {
            grew |= !roleIds.getOrDefault(name, Set.of()).contains(id);
            role(name, id);
          }
        }
      }
    }
  }

  private void role(String name, String id) {
    add(roleIds, name, id);
    add(roleNames, id, name);
  }

  private static void add(Map<String, Set<String>> map, String key, String value) {
    if (key != null && value != null) {
      map.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(value);
    }
  }

  private static String text(JsonNode node, String field) {
    if (node == null || !node.path(field).isTextual()) {
      return null;
    }
    return node.path(field).asText();
  }
}
