package vn.yte.iam.keycloak.issuance;

import java.security.SecureRandom;

/**
 * PW-3: passwords the organisation issues come from a CSPRNG, never from the administrator. The
 * alphabet leaves out look-alikes (0/O, 1/l/I) because the password is read out or written on a
 * handover slip once; 16 characters from 4 classes give well over 90 bits.
 */
public final class RandomPasswords {
  static final String UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ";
  static final String LOWER = "abcdefghijkmnopqrstuvwxyz";
  static final String DIGITS = "23456789";
  static final String SPECIAL = "!#%+-=?@_~";
  static final String ALL = UPPER + LOWER + DIGITS + SPECIAL;
  public static final int DEFAULT_LENGTH = 16;

  private final SecureRandom random;

  public RandomPasswords(SecureRandom random) {
    this.random = random;
  }

  /** A password with at least one character of each class, the rest uniform over all classes. */
  public String next(int length) {
    if (length < 8) {
      throw new IllegalArgumentException("Issued passwords are at least 8 characters");
    }
    char[] out = new char[length];
    out[0] = pick(UPPER);
    out[1] = pick(LOWER);
    out[2] = pick(DIGITS);
    out[3] = pick(SPECIAL);
    for (int i = 4; i < length; i++) {
      out[i] = pick(ALL);
    }
    // Fisher-Yates so the guaranteed classes are not always at the front.
    for (int i = length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      char t = out[i];
      out[i] = out[j];
      out[j] = t;
    }
    return new String(out);
  }

  private char pick(String alphabet) {
    return alphabet.charAt(random.nextInt(alphabet.length()));
  }
}
