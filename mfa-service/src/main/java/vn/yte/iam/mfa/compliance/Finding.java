package vn.yte.iam.mfa.compliance;

import java.util.List;

/**
 * How the unit stands against one requirement of REQUIREMENTS.md (SEC-6), with the evidence and
 * gaps behind it, each from Keycloak or from this service.
 */
public record Finding(String requirement, Status status, List<Note> notes) {

  /** From best to worst; a requirement takes the worst status of its parts. */
  public enum Status {
    MET,
    PARTIAL,
    NOT_ASSESSED,
    NOT_MET;

    Status worse(Status other) {
      return other.ordinal() > ordinal() ? other : this;
    }
  }

  public Finding {
    notes = List.copyOf(notes);
  }

  /** One line of evidence ({@code ok}) or one gap, in Vietnamese and English. */
  public record Note(String source, boolean ok, String vi, String en) {}
}
