package vn.yte.iam.keycloak.passwordpolicy.personal;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import vn.yte.iam.keycloak.text.PasswordText;

/**
 * PW-2: a password must not be built from the holder's own data. Names are compared with diacritics
 * folded ("Nguyễn" matches "nguyen") and look-alike symbols undone; numbers are compared on the
 * password's digits with separators removed ("01/02/1990" matches a birth date of 1990-02-01).
 */
public enum PersonalDataRule {
  USERNAME("yteInvalidPasswordContainsUsername"),
  NAME("yteInvalidPasswordContainsName"),
  CITIZEN_ID("yteInvalidPasswordContainsCitizenId"),
  BIRTH_DATE("yteInvalidPasswordContainsBirthDate"),
  PHONE("yteInvalidPasswordContainsPhone");

  /** Name parts and username pieces shorter than this are too common to refuse on their own. */
  static final int MIN_TEXT = 3;

  /** A run of this many digits from a citizen ID or phone is specific enough to refuse. */
  static final int MIN_DIGITS = 6;

  public final String messageKey;

  PersonalDataRule(String messageKey) {
    this.messageKey = messageKey;
  }

  public static Optional<PersonalDataRule> firstViolation(String password, PersonalData who) {
    String text = PasswordText.alphanumeric(password);
    String digits = PasswordText.digits(password);
    if (containsAny(text, usernameForms(who.username(), who.email()))) {
      return Optional.of(USERNAME);
    }
    if (containsAny(text, nameForms(who.firstName(), who.lastName()))) {
      return Optional.of(NAME);
    }
    if (containsAny(digits, numberForms(who.citizenId()))) {
      return Optional.of(CITIZEN_ID);
    }
    if (containsAny(digits, birthDateForms(who.birthDate()))) {
      return Optional.of(BIRTH_DATE);
    }
    if (containsAny(digits, numberForms(phoneDigits(who.phone())))) {
      return Optional.of(PHONE);
    }
    return Optional.empty();
  }

  private static boolean containsAny(String haystack, Set<String> needles) {
    return needles.stream().anyMatch(haystack::contains);
  }

  /** The username and its pieces: "bs.nguyenvanan" gives "bsnguyenvanan" and "nguyenvanan". */
  static Set<String> usernameForms(String username, String email) {
    Set<String> forms = new LinkedHashSet<>();
    for (String id : new String[] {username, email == null ? null : email.split("@", 2)[0]}) {
      if (id == null) {
        continue;
      }
      addText(forms, id);
      for (String piece : id.split("[._\\-+@\\s]+")) {
        addText(forms, piece);
      }
    }
    return forms;
  }

  /**
   * Name parts and every run of consecutive parts, in Vietnamese order (family, middle, given) and
   * in the Western order: "Nguyễn Văn" + "An" gives nguyen, van, nguyenvan, vanan, nguyenvanan,
   * annguyen, annguyenvan ("an" alone is too short to refuse).
   */
  static Set<String> nameForms(String firstName, String lastName) {
    List<String> family = parts(lastName);
    List<String> given = parts(firstName);
    List<String> vietnamese = new ArrayList<>(family);
    vietnamese.addAll(given);
    List<String> western = new ArrayList<>(given);
    western.addAll(family);
    Set<String> forms = new LinkedHashSet<>();
    for (List<String> order : List.of(vietnamese, western)) {
      for (int from = 0; from < order.size(); from++) {
        StringBuilder run = new StringBuilder();
        for (int to = from; to < order.size(); to++) {
          run.append(order.get(to));
          addText(forms, run.toString());
        }
      }
    }
    return forms;
  }

  /** The whole number and its last {@link #MIN_DIGITS} digits. */
  static Set<String> numberForms(String number) {
    Set<String> forms = new LinkedHashSet<>();
    if (number == null) {
      return forms;
    }
    String digits = PasswordText.digits(number);
    if (digits.length() >= MIN_DIGITS) {
      forms.add(digits);
      forms.add(digits.substring(digits.length() - MIN_DIGITS));
    }
    return forms;
  }

  /** Dates as people type them: 01021990, 010290, 19900201, 02011990, 121990, 1290. */
  static Set<String> birthDateForms(String isoDate) {
    Set<String> forms = new LinkedHashSet<>();
    if (isoDate == null || isoDate.isBlank()) {
      return forms;
    }
    LocalDate date;
    try {
      date = LocalDate.parse(isoDate.strip(), DateTimeFormatter.ISO_LOCAL_DATE);
    } catch (DateTimeParseException e) {
      return forms;
    }
    for (String pattern :
        new String[] {"ddMMyyyy", "ddMMyy", "yyyyMMdd", "MMddyyyy", "dMyyyy", "yyMMdd"}) {
      forms.add(date.format(DateTimeFormatter.ofPattern(pattern)));
    }
    return forms;
  }

  /** National form without the leading 0: "+84 912 345 678" and "0912345678" give 912345678. */
  static String phoneDigits(String phone) {
    if (phone == null) {
      return null;
    }
    String digits = PasswordText.digits(phone);
    if (digits.startsWith("84") && digits.length() == 11) {
      return digits.substring(2);
    }
    return digits.startsWith("0") ? digits.substring(1) : digits;
  }

  private static List<String> parts(String name) {
    if (name == null) {
      return List.of();
    }
    return Arrays.stream(name.strip().split("\\s+"))
        .map(PasswordText::alphanumeric)
        .filter(p -> !p.isEmpty())
        .toList();
  }

  private static void addText(Set<String> forms, String raw) {
    String form = PasswordText.alphanumeric(raw);
    if (form.length() >= MIN_TEXT) {
      forms.add(form);
    }
  }
}
