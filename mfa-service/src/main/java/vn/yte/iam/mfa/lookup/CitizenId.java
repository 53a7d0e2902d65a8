package vn.yte.iam.mfa.lookup;

import vn.yte.iam.citizen.CitizenIdRules;

/**
 * A 12-digit personal identification number (số định danh cá nhân, printed on the CCCD), checked
 * with the same rules Keycloak applies to accounts ({@link CitizenIdRules}) before anything is sent
 * upstream or written to the audit log.
 */
public record CitizenId(String value) {
  public CitizenId {
    String problem = problem(value);
    if (problem != null) {
      throw new IllegalArgumentException(problem);
    }
  }

  /** Why {@code value} is not a valid number, or null when it is. */
  public static String problem(String value) {
    return CitizenIdRules.check(value, null)
        .map(
            p ->
                p == CitizenIdRules.Problem.PROVINCE
                    ? p.english + " " + value.substring(0, 3)
                    : p.english)
        .orElse(null);
  }

  /** Display form for logs and screens that must not show the full number (LOG-7). */
  public String masked() {
    return CitizenIdRules.masked(value);
  }

  @Override
  public String toString() {
    return masked();
  }
}
