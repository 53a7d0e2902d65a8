package vn.yte.iam.mfa.export;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.yte.iam.mfa.audit.AuditRecord;
import vn.yte.iam.mfa.lookup.Purpose;

/**
 * Audit records as a FHIR R4 Bundle of AuditEvent resources, following the IHE Basic Audit Log
 * Patterns (BALP): logins and logouts as DICOM 110114 User Authentication with subtype 110122 Login
 * / 110123 Logout; population-database lookups as a RESTful query with the declared purpose of use
 * (HL7 v3 PurposeOfUse) and the citizen as the patient entity, by pseudonym only (LOG-7).
 */
public final class FhirAuditEvents {
  static final String DCM = "http://dicom.nema.org/resources/ontology/DCM";
  static final String AUDIT_TYPE = "http://terminology.hl7.org/CodeSystem/audit-event-type";
  static final String RESTFUL = "http://hl7.org/fhir/restful-interaction";
  static final String PURPOSE = "http://terminology.hl7.org/CodeSystem/v3-ActReason";
  static final String SOURCE_TYPE = "http://terminology.hl7.org/CodeSystem/security-source-type";
  static final String YTE = "urn:yte:audit";

  private FhirAuditEvents() {}

  public static Map<String, Object> bundle(List<AuditRecord> records) {
    List<Map<String, Object>> entries = new ArrayList<>();
    for (AuditRecord r : records) {
      entries.add(Map.of("fullUrl", "urn:yte:audit:" + r.seq(), "resource", auditEvent(r)));
    }
    Map<String, Object> bundle = new LinkedHashMap<>();
    bundle.put("resourceType", "Bundle");
    bundle.put("type", "collection");
    bundle.put("total", records.size());
    bundle.put("entry", entries);
    return bundle;
  }

  static Map<String, Object> auditEvent(AuditRecord r) {
    var e = r.event();
    Map<String, Object> event = new LinkedHashMap<>();
    event.put("resourceType", "AuditEvent");
    event.put("id", String.valueOf(r.seq()));
    event.put(
        "meta",
        Map.of("tag", List.of(coding(YTE + ":entry-hash", r.entryHash(), "SHA-256 chain hash"))));
    boolean login = "KC_LOGIN".equals(e.type()) || "KC_LOGIN_ERROR".equals(e.type());
    boolean logout = "KC_LOGOUT".equals(e.type());
    boolean lookup = "POPULATION_LOOKUP".equals(e.type());
    if (login || logout) {
      event.put("type", coding(DCM, "110114", "User Authentication"));
      event.put(
          "subtype",
          List.of(login ? coding(DCM, "110122", "Login") : coding(DCM, "110123", "Logout")));
      event.put("action", "E");
    } else if (lookup) {
      event.put("type", coding(AUDIT_TYPE, "rest", "RESTful Operation"));
      event.put("subtype", List.of(coding(RESTFUL, "search-type", "search type")));
      event.put("action", "E");
    } else {
      event.put("type", coding(YTE + ":type", e.type(), e.type()));
    }
    event.put("recorded", r.recordedAt().toString());
    event.put("outcome", outcome(e.outcome()));
    event.put("outcomeDesc", e.outcome());
    Map<String, Object> agent = new LinkedHashMap<>();
    // FHIR JSON forbids empty strings: what the record does not know is left out.
    Map<String, Object> who = new LinkedHashMap<>();
    if (e.actorSubject() != null) {
      who.put("identifier", Map.of("system", YTE + ":subject", "value", e.actorSubject()));
    }
    if (e.actorUsername() != null) {
      who.put("display", e.actorUsername());
    }
    if (!who.isEmpty()) {
      agent.put("who", who);
    }
    agent.put("requestor", true);
    if (e.clientId() != null) {
      agent.put("altId", e.clientId());
    }
    if (e.sourceIp() != null) {
      agent.put("network", Map.of("address", e.sourceIp(), "type", "2"));
    }
    Purpose purpose = Purpose.parse(e.purpose());
    if (purpose != null) {
      agent.put(
          "purposeOfUse",
          List.of(Map.of("coding", List.of(coding(PURPOSE, purpose.hl7Code, purpose.labelEn)))));
    }
    event.put("agent", List.of(agent));
    event.put(
        "source",
        Map.of(
            "observer", Map.of("display", e.type().startsWith("KC_") ? "Keycloak" : "mfa-service"),
            "type", List.of(coding(SOURCE_TYPE, "4", "Application Server"))));
    List<Map<String, Object>> entities = new ArrayList<>();
    if (e.sessionId() != null) {
      entities.add(
          Map.of(
              "what",
                  Map.of(
                      "identifier", Map.of("system", YTE + ":sso-session", "value", e.sessionId())),
              "type",
                  coding("http://terminology.hl7.org/CodeSystem/audit-entity-type", "4", "Other")));
    }
    if (e.citizenRef() != null) {
      Map<String, Object> citizen = new LinkedHashMap<>();
      citizen.put(
          "identifier", Map.of("system", YTE + ":citizen-pseudonym", "value", e.citizenRef()));
      if (e.citizenMasked() != null) {
        citizen.put("display", e.citizenMasked());
      }
      entities.add(
          Map.of(
              "what", citizen,
              "type",
                  coding("http://terminology.hl7.org/CodeSystem/audit-entity-type", "1", "Person"),
              "role", coding("http://terminology.hl7.org/CodeSystem/object-role", "1", "Patient")));
    }
    if (!entities.isEmpty()) {
      event.put("entity", entities);
    }
    return event;
  }

  /** FHIR AuditEvent.outcome: 0 success, 4 minor failure (refused), 8 serious failure. */
  static String outcome(String outcome) {
    if (outcome == null) {
      return "0";
    }
    return switch (outcome) {
      case "ERROR", "DENIED", "INVALID_REQUEST", "RATE_LIMITED" -> "4";
      case "UPSTREAM_ERROR" -> "8";
      default -> "0";
    };
  }

  private static Map<String, Object> coding(String system, String code, String display) {
    return Map.of("system", system, "code", code, "display", display);
  }
}
