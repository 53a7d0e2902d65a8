package vn.yte.iam.keycloak.admin;

import jakarta.ws.rs.BadRequestException;

/** The reason an administrator must give for an audited action (PW-3, MFA-3). */
public final class Reasons {
  public static final int MAX_LENGTH = 500;

  private Reasons() {}

  /**
   * @param vietnamese what the refusal says in Vietnamese, e.g. "Cần nêu lý do cấp mật khẩu"
   * @return the reason, trimmed
   * @throws BadRequestException when missing, blank or longer than {@link #MAX_LENGTH}
   */
  public static String require(String raw, String vietnamese) {
    String reason = raw == null ? "" : raw.strip();
    if (reason.isEmpty() || reason.length() > MAX_LENGTH) {
      throw new BadRequestException(
          "A reason of 1-" + MAX_LENGTH + " characters is required / " + vietnamese);
    }
    return reason;
  }
}
