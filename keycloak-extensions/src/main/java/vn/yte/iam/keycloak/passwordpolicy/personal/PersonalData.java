package vn.yte.iam.keycloak.passwordpolicy.personal;

import java.util.List;
import org.keycloak.models.UserModel;

/**
 * What is known about the person a password belongs to. Attribute names follow the realm's user
 * profile: {@code cccd} (citizen ID), {@code birthdate} (ISO yyyy-MM-dd, as in OpenID Connect) and
 * {@code phoneNumber}.
 */
public record PersonalData(
    String username,
    String email,
    String firstName,
    String lastName,
    String citizenId,
    String birthDate,
    String phone) {
  public static final String CITIZEN_ID = "cccd";
  public static final String BIRTH_DATE = "birthdate";
  public static final List<String> PHONE = List.of("phoneNumber", "phone_number", "phone");

  public static PersonalData of(UserModel user) {
    String phone =
        PHONE.stream().map(user::getFirstAttribute).filter(v -> v != null).findFirst().orElse(null);
    return new PersonalData(
        user.getUsername(),
        user.getEmail(),
        user.getFirstName(),
        user.getLastName(),
        user.getFirstAttribute(CITIZEN_ID),
        user.getFirstAttribute(BIRTH_DATE),
        phone);
  }

  public static PersonalData usernameOnly(String username) {
    return new PersonalData(username, null, null, null, null, null, null);
  }
}
