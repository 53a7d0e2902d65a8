package vn.yte.iam.simulator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Deterministic, obviously fictitious citizens derived from the 12-digit personal identification
 * number (số định danh cá nhân), so tests and demos can rely on stable answers without any real
 * personal data.
 *
 * <p>Layout of the number (Circular 59/2021/TT-BCA): 3 digits province code, 1 digit century and
 * gender (0/1 = 20th century male/female, 2/3 = 21st century male/female), 2 digits year of birth,
 * 6 random digits. Numbers whose last three digits are {@code 000} are "not found".
 */
final class SyntheticCitizens {
  private static final List<String> FAMILY = List.of("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ");
  private static final List<String> MIDDLE = List.of("Văn", "Thị", "Minh", "Thu", "Đức", "Ngọc");
  private static final List<String> GIVEN = List.of("An", "Bình", "Chi", "Dũng", "Hà", "Lan");
  private static final List<String> PROVINCES =
      List.of("Hà Nội", "Điện Biên", "Lai Châu", "Sơn La", "Hồ Chí Minh", "Đà Nẵng");

  private SyntheticCitizens() {}

  static boolean isWellFormed(String id) {
    return id != null && id.length() == 12 && id.chars().allMatch(c -> c >= '0' && c <= '9');
  }

  static Optional<Citizen> find(String id) {
    if (!isWellFormed(id) || id.endsWith("000")) {
      return Optional.empty();
    }
    int centuryGender = id.charAt(3) - '0';
    if (centuryGender > 3) {
      return Optional.empty();
    }
    int century = centuryGender < 2 ? 1900 : 2000;
    int year = century + Integer.parseInt(id.substring(4, 6));
    byte[] h = sha256(id);
    String gender = centuryGender % 2 == 0 ? "Nam" : "Nữ";
    String name =
        pick(FAMILY, h[0]) + " " + pick(MIDDLE, h[1]) + " " + pick(GIVEN, h[2]) + " (mô phỏng)";
    LocalDate birth = LocalDate.of(year, 1 + Math.floorMod(h[3], 12), 1 + Math.floorMod(h[4], 28));
    return Optional.of(new Citizen(id, name, birth, gender, pick(PROVINCES, h[5])));
  }

  private static String pick(List<String> values, byte b) {
    return values.get(Math.floorMod(b, values.size()));
  }

  private static byte[] sha256(String s) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  record Citizen(String id, String fullName, LocalDate birthDate, String gender, String province) {}
}
