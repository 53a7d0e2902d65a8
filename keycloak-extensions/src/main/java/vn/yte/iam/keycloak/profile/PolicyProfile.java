package vn.yte.iam.keycloak.profile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A reviewed baseline from {@code policies/profiles/}: the password policy entries a realm must
 * have, in order, and realm settings it must hold. {@link #drift} lists every difference from a
 * live realm; {@code apply} makes the realm match.
 */
public record PolicyProfile(String id, Map<String, String> passwordPolicy, ObjectNode realm) {

  static PolicyProfile fromJson(JsonNode json) {
    String id = text(json, "id");
    JsonNode entries = json.get("passwordPolicy");
    if (entries == null || !entries.isArray()) {
      throw new IllegalArgumentException("Profile " + id + ": passwordPolicy must be an array");
    }
    Map<String, String> policy = new LinkedHashMap<>();
    for (JsonNode entry : entries) {
      JsonNode value = entry.get("value");
      policy.put(text(entry, "type"), value == null || value.isNull() ? "" : value.asText());
    }
    JsonNode realm = json.get("realm");
    if (realm != null && !realm.isObject()) {
      throw new IllegalArgumentException("Profile " + id + ": realm must be an object");
    }
    return new PolicyProfile(id, policy, realm == null ? new ObjectNode(null) : (ObjectNode) realm);
  }

  public String passwordPolicyString() {
    return PolicyString.format(passwordPolicy);
  }

  /**
   * Differences between this profile and a realm, given the realm's policy string and its
   * representation as JSON. Entries the realm has beyond the profile are reported too: the profile
   * is the reviewed baseline, so anything else is drift to look at.
   */
  public List<Difference> drift(String livePolicy, JsonNode liveRealm) {
    List<Difference> out = new ArrayList<>();
    Map<String, String> live = PolicyString.parse(livePolicy);
    passwordPolicy.forEach(
        (type, expected) -> {
          String actual = live.get(type);
          if (!expected.equals(actual)) {
            out.add(new Difference("passwordPolicy." + type, expected, actual));
          }
        });
    live.forEach(
        (type, actual) -> {
          if (!passwordPolicy.containsKey(type)) {
            out.add(new Difference("passwordPolicy." + type, null, actual));
          }
        });
    for (Iterator<Map.Entry<String, JsonNode>> it = realm.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> setting = it.next();
      JsonNode actual = liveRealm.get(setting.getKey());
      if (!sameValue(setting.getValue(), actual)) {
        out.add(
            new Difference(
                "realm." + setting.getKey(),
                setting.getValue().asText(),
                actual == null || actual.isNull() ? null : actual.asText()));
      }
    }
    return out;
  }

  private static boolean sameValue(JsonNode expected, JsonNode actual) {
    if (actual == null || actual.isNull()) {
      return expected.isNull();
    }
    if (expected.isNumber() && actual.isNumber()) {
      return expected.decimalValue().compareTo(actual.decimalValue()) == 0;
    }
    return expected.equals(actual);
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || !value.isTextual() || value.asText().isBlank()) {
      throw new IllegalArgumentException("Profile field '" + field + "' is required");
    }
    return value.asText();
  }

  /** One setting where the realm differs; null means absent. */
  public record Difference(String setting, String expected, String actual) {}
}
