package vn.yte.iam.keycloak.assessment;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.jboss.logging.Logger;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * SEC-6 as the REST resource answers it: one realm's findings with their counts, and the server's
 * realms side by side for a health department that runs its hospitals as realms of one Keycloak.
 */
public final class UnitAssessment {
  private static final Logger LOG = Logger.getLogger(UnitAssessment.class);

  private UnitAssessment() {}

  /** One realm in full: findings with evidence, and counts per status. */
  public static Map<String, Object> of(KeycloakSession session, RealmModel realm) {
    List<Finding> findings = assess(session, realm);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("realm", realm.getName());
    body.put("assessedAt", Instant.now().toString());
    body.put("summary", summary(findings));
    body.put("findings", findings);
    return body;
  }

  /**
   * Every realm {@code visible} admits, by name: counts and each requirement's status, the details
   * being one {@link #of} away. A realm whose assessment fails is listed with the reason; the
   * others are still reported.
   */
  public static Map<String, Object> units(KeycloakSession session, Predicate<RealmModel> visible) {
    List<Map<String, Object>> units = new ArrayList<>();
    List<RealmModel> realms =
        session
            .realms()
            .getRealmsStream()
            .filter(visible)
            .sorted(Comparator.comparing(RealmModel::getName))
            .toList();
    for (RealmModel realm : realms) {
      Map<String, Object> unit = new LinkedHashMap<>();
      unit.put("realm", realm.getName());
      unit.put("displayName", realm.getDisplayName());
      try {
        List<Finding> findings = assess(session, realm);
        unit.put("summary", summary(findings));
        Map<String, String> statuses = new LinkedHashMap<>();
        findings.forEach(f -> statuses.put(f.requirement(), f.status().name()));
        unit.put("statuses", statuses);
      } catch (RuntimeException e) {
        LOG.warnf(e, "Self-assessment of realm %s failed", realm.getName());
        unit.put("error", e.getClass().getSimpleName() + ": " + e.getMessage());
      }
      units.add(unit);
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("assessedAt", Instant.now().toString());
    body.put("units", units);
    return body;
  }

  private static List<Finding> assess(KeycloakSession session, RealmModel realm) {
    return SelfAssessment.assess(RealmFactsReader.read(session, realm));
  }

  private static Map<String, Long> summary(List<Finding> findings) {
    Map<String, Long> summary = new LinkedHashMap<>();
    for (Finding.Status status : Finding.Status.values()) {
      summary.put(status.name(), findings.stream().filter(f -> f.status() == status).count());
    }
    return summary;
  }
}
