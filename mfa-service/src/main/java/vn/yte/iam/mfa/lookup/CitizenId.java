package vn.yte.iam.mfa.lookup;

import org.springframework.http.HttpStatus;
import vn.yte.iam.citizen.CitizenIdRules;
import vn.yte.iam.mfa.web.ApiException;

/**
 * A 12-digit personal identification number (số định danh cá nhân, printed on the CCCD), checked
 * with the same rules Keycloak applies to accounts ({@link CitizenIdRules}) before anything is sent
 * upstream or written to the audit log.
 */
public record CitizenId(String value) {
  public CitizenId {
    Problem problem = problem(value);
    if (problem != null) {
      throw new IllegalArgumentException(problem.english());
    }
  }

  /** Why {@code value} is not a valid number, or null when it is. */
  public static Problem problem(String value) {
    return CitizenIdRules.check(value, null)
        .map(
            rule ->
                new Problem(
                    rule, rule == CitizenIdRules.Problem.PROVINCE ? value.substring(0, 3) : null))
        .orElse(null);
  }

  /**
   * A refused number: the rule it breaks and, for an unknown province, the three digits that are
   * not one, so that the caller sees which part to correct.
   */
  public record Problem(CitizenIdRules.Problem rule, String provinceDigits) {
    public String vietnamese() {
      return withDigits(rule.vietnamese);
    }

    public String english() {
      return withDigits(rule.english);
    }

    private String withDigits(String text) {
      return provinceDigits == null ? text : text + " " + provinceDigits;
    }

    /** The 400 answer: the same rule named in both languages. */
    public ApiException asBadRequest() {
      return new ApiException(
          HttpStatus.BAD_REQUEST,
          "INVALID_CITIZEN_ID",
          "Số định danh cá nhân không hợp lệ: " + vietnamese() + ".",
          "Invalid personal identification number: " + english() + ".");
    }
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
