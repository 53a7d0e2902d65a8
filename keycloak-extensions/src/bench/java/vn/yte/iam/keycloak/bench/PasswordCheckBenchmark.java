package vn.yte.iam.keycloak.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import vn.yte.iam.keycloak.issuance.RandomPasswords;
import vn.yte.iam.keycloak.passwordpolicy.blocklist.BlockedPasswords;
import vn.yte.iam.keycloak.passwordpolicy.personal.PersonalData;
import vn.yte.iam.keycloak.passwordpolicy.personal.PersonalDataRule;
import vn.yte.iam.keycloak.passwordpolicy.similar.ShapeHistory;

/**
 * Cost of the PW-2 checks per password, to set beside the Argon2 hash every password change and
 * login already pays. Runs each check over a mix of list variants and random strong passwords;
 * prints the median of five one-second measurements after a warm-up.
 */
public final class PasswordCheckBenchmark {
  public static void main(String[] args) throws Exception {
    Path list = Path.of(System.getProperty("policies.dir"), "passwords", "default.txt");
    BlockedPasswords blocked = BlockedPasswords.of(Files.readAllLines(list));
    PersonalData who =
        new PersonalData(
            "bs.nguyenvanan",
            "an.nv@benhvien-demo.vn",
            "An",
            "Nguyễn Văn",
            "001090012345",
            "1990-02-01",
            "+84912345678");
    List<String> passwords = new ArrayList<>();
    RandomPasswords random = new RandomPasswords(new SecureRandom());
    for (String line : Files.readAllLines(list)) {
      if (!line.isBlank() && !line.startsWith("#")) {
        passwords.add(line.strip() + "@2026");
        passwords.add(random.next(16));
      }
    }
    String[] sample = passwords.toArray(String[]::new);
    System.out.printf(
        Locale.ROOT,
        "list entries (normal forms): %d, sample passwords: %d%n",
        blocked.size(),
        sample.length);
    report("blocklist match", sample, p -> blocked.match(p).isPresent());
    report("personal-data rule", sample, p -> PersonalDataRule.firstViolation(p, who).isPresent());
    // A site list far larger than the shipped one: the deletion index keeps the cost flat.
    List<String> large = new ArrayList<>(Files.readAllLines(list));
    SecureRandom rnd = new SecureRandom();
    for (int k = 0; k < 100_000; k++) {
      StringBuilder word = new StringBuilder();
      int length = 6 + rnd.nextInt(7);
      for (int c = 0; c < length; c++) {
        word.append((char) ('a' + rnd.nextInt(26)));
      }
      large.add(word.toString());
    }
    long built = System.nanoTime();
    BlockedPasswords big = BlockedPasswords.of(large);
    System.out.printf(
        Locale.ROOT,
        "100,000-entry list: %d normal forms indexed in %.0f ms%n",
        big.size(),
        (System.nanoTime() - built) / 1e6);
    report("blocklist 100k", sample, p -> big.match(p).isPresent());
    ShapeHistory history = ShapeHistory.parse(null);
    long start = System.nanoTime();
    int n = 20;
    for (int i = 0; i < n; i++) {
      history.hashOf(sample[i * 2 + 1]);
    }
    System.out.printf(
        Locale.ROOT,
        "near-duplicate shape hash (PBKDF2, once per password change): %.1f ms%n",
        (System.nanoTime() - start) / 1e6 / n);
  }

  private static void report(String name, String[] sample, Predicate<String> check) {
    long sink = 0;
    long warmEnd = System.nanoTime() + 2_000_000_000L;
    int i = 0;
    while (System.nanoTime() < warmEnd) {
      sink += check.test(sample[i++ % sample.length]) ? 1 : 0;
    }
    double[] perOp = new double[5];
    for (int run = 0; run < perOp.length; run++) {
      long ops = 0;
      long begin = System.nanoTime();
      long end = begin + 1_000_000_000L;
      while (System.nanoTime() < end) {
        for (int k = 0; k < 1000; k++) {
          sink += check.test(sample[i++ % sample.length]) ? 1 : 0;
        }
        ops += 1000;
      }
      perOp[run] = (System.nanoTime() - begin) / (double) ops;
    }
    java.util.Arrays.sort(perOp);
    System.out.printf(
        Locale.ROOT,
        "%-20s %8.2f µs/password (median of 5; sink %d)%n",
        name,
        perOp[2] / 1000,
        sink % 7);
  }
}
