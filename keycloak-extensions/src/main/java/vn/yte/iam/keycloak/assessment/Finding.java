package vn.yte.iam.keycloak.assessment;

import java.util.List;

/**
 * How a realm stands against one requirement of REQUIREMENTS.md (SEC-6), with the evidence read
 * from the live realm, in Vietnamese and English.
 */
public record Finding(String requirement, Status status, List<Note> notes) {

  /** Met, met only in part (the notes say which part), or not met. */
  public enum Status {
    MET,
    PARTIAL,
    NOT_MET
  }

  public Finding {
    notes = List.copyOf(notes);
  }

  /** One line of evidence or one gap. */
  public record Note(boolean ok, String vi, String en) {}
}
