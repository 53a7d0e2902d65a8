package vn.yte.iam.testsupport;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.time.Instant;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * RFC 6238 time-based one-time passwords (HMAC-SHA1, 6 digits, 30-second steps: Keycloak's
 * defaults), computed the way an authenticator app does, for tests that log in with a second
 * factor.
 */
public final class Totp {
  private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

  private Totp() {}

  /** Prints the current code for a Base32 key: {@code ./run totp} uses it. */
  public static void main(String[] args) {
    if (args.length != 1) {
      System.err.println("usage: Totp BASE32-KEY");
      System.exit(2);
    }
    System.out.println(code(base32(args[0]), Instant.now()));
  }

  public static String code(byte[] key, Instant at) {
    return codeAtStep(key, at.getEpochSecond() / 30);
  }

  private static String codeAtStep(byte[] key, long step) {
    try {
      Mac mac = Mac.getInstance("HmacSHA1");
      mac.init(new SecretKeySpec(key, "HmacSHA1"));
      byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
      int offset = hash[hash.length - 1] & 0x0f;
      int binary = ByteBuffer.wrap(hash, offset, 4).getInt() & 0x7fffffff;
      return String.format("%06d", binary % 1_000_000);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * An authenticator app used by a test: each call returns a code not used before, since the server
   * refuses replays. Keycloak accepts one step ahead, so two logins in the same 30 s get the
   * current and the next code; a third waits.
   */
  public static final class Device {
    private final byte[] key;
    private long lastStep = -1;

    public Device(byte[] key) {
      this.key = key.clone();
    }

    public synchronized String nextCode() {
      while (true) {
        long now = Instant.now().getEpochSecond() / 30;
        long step = Math.max(now, lastStep + 1);
        if (step <= now + 1) {
          lastStep = step;
          return codeAtStep(key, step);
        }
        try {
          Thread.sleep(1000);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException(e);
        }
      }
    }
  }

  /** Decodes the Base32 secret shown under a QR code (spaces and padding ignored). */
  public static byte[] base32(String encoded) {
    String s = encoded.replaceAll("[\\s=]", "").toUpperCase();
    ByteBuffer out = ByteBuffer.allocate(s.length() * 5 / 8);
    int buffer = 0;
    int bits = 0;
    for (char c : s.toCharArray()) {
      int value = BASE32.indexOf(c);
      if (value < 0) {
        throw new IllegalArgumentException("Not Base32: " + c);
      }
      buffer = (buffer << 5) | value;
      bits += 5;
      if (bits >= 8) {
        out.put((byte) (buffer >> (bits - 8)));
        bits -= 8;
      }
    }
    return java.util.Arrays.copyOf(out.array(), out.position());
  }
}
