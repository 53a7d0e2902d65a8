package vn.yte.iam.keycloak.passwordpolicy.similar;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import vn.yte.iam.keycloak.text.PasswordText;

/**
 * PW-4 near-duplicates: Keycloak's {@code passwordHistory} refuses only exact repeats, so
 * "Benhvien#2025" after "Benhvien#2024" passes. This keeps the last N password <em>shapes</em> (the
 * password without its trailing digits and symbols, see {@link PasswordText#shape}) as salted
 * PBKDF2 hashes, never in clear, and refuses a new password whose shape is among them.
 *
 * <p>Stored form: {@code v1:<salt>:<hash>,<hash>,...}, newest first, Base64 without padding.
 */
public final class ShapeHistory {
  static final String VERSION = "v1";

  /** Shapes shorter than this carry too little of the old password to compare. */
  static final int MIN_SHAPE = 4;

  static final int ITERATIONS = 60_000;
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();

  private final byte[] salt;
  private final List<String> hashes;

  private ShapeHistory(byte[] salt, List<String> hashes) {
    this.salt = salt;
    this.hashes = hashes;
  }

  /** Parses the stored form; anything unreadable starts a fresh history rather than failing. */
  public static ShapeHistory parse(String stored) {
    if (stored != null) {
      String[] parts = stored.split(":", 3);
      if (parts.length == 3 && VERSION.equals(parts[0])) {
        try {
          byte[] salt = Base64.getDecoder().decode(parts[1]);
          List<String> hashes =
              parts[2].isEmpty()
                  ? new ArrayList<>()
                  : new ArrayList<>(List.of(parts[2].split(",")));
          return new ShapeHistory(salt, hashes);
        } catch (IllegalArgumentException e) {
          // fall through to a fresh history
        }
      }
    }
    byte[] salt = new byte[16];
    RANDOM.nextBytes(salt);
    return new ShapeHistory(salt, new ArrayList<>());
  }

  /** The hash of a password's shape under this history's salt, or empty if too short to keep. */
  public Optional<String> hashOf(String password) {
    String shape = PasswordText.shape(password);
    if (shape.length() < MIN_SHAPE) {
      return Optional.empty();
    }
    try {
      PBEKeySpec spec = new PBEKeySpec(shape.toCharArray(), salt, ITERATIONS, 256);
      byte[] key =
          SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
      return Optional.of(B64.encodeToString(key));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("PBKDF2WithHmacSHA256 unavailable", e);
    }
  }

  public boolean contains(String hash) {
    return hashes.contains(hash);
  }

  /** Puts a hash first and keeps the newest {@code keep}. */
  public void remember(String hash, int keep) {
    hashes.remove(hash);
    hashes.add(0, hash);
    while (hashes.size() > keep) {
      hashes.remove(hashes.size() - 1);
    }
  }

  public String serialize() {
    return VERSION + ":" + B64.encodeToString(salt) + ":" + String.join(",", hashes);
  }
}
