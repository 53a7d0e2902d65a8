package vn.yte.iam.keycloak.profile;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Keycloak's password policy string, {@code length(8) and notUsername(undefined)}, as a map. */
public final class PolicyString {
  private static final Pattern ENTRY =
      Pattern.compile("\\s*([A-Za-z][\\w-]*)\\s*(?:\\(([^)]*)\\))?\\s*");

  private PolicyString() {}

  public static Map<String, String> parse(String policy) {
    Map<String, String> entries = new LinkedHashMap<>();
    if (policy == null || policy.isBlank()) {
      return entries;
    }
    for (String part : policy.split("\\sand\\s")) {
      Matcher m = ENTRY.matcher(part);
      if (!m.matches()) {
        throw new IllegalArgumentException("Unreadable password policy entry: " + part);
      }
      String value = m.group(2);
      entries.put(m.group(1), value == null || "undefined".equals(value) ? "" : value.strip());
    }
    return entries;
  }

  static String format(Map<String, String> entries) {
    StringBuilder out = new StringBuilder();
    entries.forEach(
        (type, value) -> {
          if (out.length() > 0) {
            out.append(" and ");
          }
          out.append(type).append('(').append(value.isEmpty() ? "undefined" : value).append(')');
        });
    return out.toString();
  }
}
