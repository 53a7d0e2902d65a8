package vn.yte.iam.keycloak.expiry;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.keycloak.credential.CredentialModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.credential.PasswordCredentialModel;

/**
 * When a user's password was last set. For local passwords that is the credential's creation time.
 * Users from LDAP/AD keep their password in the directory, where vanilla Keycloak cannot see its
 * age; a user-attribute mapper copies the directory's {@code pwdChangedTime} (OpenLDAP) or {@code
 * pwdLastSet} (AD) into {@link #ATTRIBUTE}, and this reads any of those formats.
 */
public final class PasswordChanged {
  public static final String ATTRIBUTE = "yte.passwordChangedAt";

  /** Windows FILETIME counts 100 ns ticks from 1601-01-01. */
  private static final long FILETIME_UNIX_EPOCH = 116_444_736_000_000_000L;

  private static final DateTimeFormatter GENERALIZED_TIME =
      DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

  private PasswordChanged() {}

  public static Optional<Instant> of(UserModel user) {
    Optional<Instant> local = localPassword(user);
    if (local.isPresent()) {
      return local;
    }
    return parse(user.getFirstAttribute(ATTRIBUTE));
  }

  /** When the password Keycloak itself stores for the user was set, if it stores one. */
  public static Optional<Instant> localPassword(UserModel user) {
    return user.credentialManager()
        .getStoredCredentialsByTypeStream(PasswordCredentialModel.TYPE)
        .map(CredentialModel::getCreatedDate)
        .filter(d -> d != null)
        .max(Long::compare)
        .map(Instant::ofEpochMilli);
  }

  /** LDAP GeneralizedTime, AD FILETIME, ISO-8601 instant, or epoch milliseconds. */
  static Optional<Instant> parse(String value) {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    String v = value.strip();
    try {
      if (v.endsWith("Z")
          && v.length() >= 15
          && Character.isDigit(v.charAt(0))
          && !v.contains("-")) {
        // 20260101120000Z or 20260101120000.123Z
        return Optional.of(
            LocalDateTime.parse(v.substring(0, 14), GENERALIZED_TIME).toInstant(ZoneOffset.UTC));
      }
      if (v.contains("T")) {
        return Optional.of(Instant.parse(v));
      }
      long n = Long.parseLong(v);
      if (n <= 0) {
        // AD: pwdLastSet=0 means "must change at next logon", which AD enforces itself.
        return Optional.empty();
      }
      if (n > 100_000_000_000_000L) {
        return Optional.of(Instant.ofEpochMilli((n - FILETIME_UNIX_EPOCH) / 10_000));
      }
      return Optional.of(Instant.ofEpochMilli(n));
    } catch (DateTimeParseException | NumberFormatException e) {
      return Optional.empty();
    }
  }
}
