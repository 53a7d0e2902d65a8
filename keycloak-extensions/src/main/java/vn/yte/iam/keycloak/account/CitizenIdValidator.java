package vn.yte.iam.keycloak.account;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.keycloak.userprofile.AttributeContext;
import org.keycloak.userprofile.UserProfileAttributeValidationContext;
import org.keycloak.validate.AbstractStringValidator;
import org.keycloak.validate.ValidationContext;
import org.keycloak.validate.ValidationError;
import org.keycloak.validate.ValidatorConfig;
import vn.yte.iam.citizen.CitizenIdRules;
import vn.yte.iam.keycloak.passwordpolicy.personal.PersonalData;

/**
 * ACC-1: a user-profile validator for the citizen ID attribute: 12 digits, a real province code,
 * and century and year digits that agree with the {@code birthdate} attribute when it is set.
 */
public final class CitizenIdValidator extends AbstractStringValidator {
  public static final String ID = "yte-cccd";

  @Override
  public String getId() {
    return ID;
  }

  @Override
  protected void doValidate(
      String value, String inputHint, ValidationContext context, ValidatorConfig config) {
    CitizenIdRules.check(value, birthYear(context))
        .ifPresent(
            problem ->
                context.addError(
                    new ValidationError(ID, inputHint, "yteCccd" + messageSuffix(problem))));
  }

  private static String messageSuffix(CitizenIdRules.Problem problem) {
    return switch (problem) {
      case FORMAT -> "Format";
      case PROVINCE -> "Province";
      case FUTURE_BIRTH_YEAR, BIRTH_YEAR_MISMATCH -> "BirthYear";
    };
  }

  private static Integer birthYear(ValidationContext context) {
    if (!(context instanceof UserProfileAttributeValidationContext profile)) {
      return null;
    }
    AttributeContext attributes = profile.getAttributeContext();
    String birthDate = attributes.getAttributes().getFirst(PersonalData.BIRTH_DATE);
    if (birthDate == null || birthDate.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(birthDate.strip()).getYear();
    } catch (DateTimeParseException e) {
      // the birthdate attribute's own validator reports its format
      return null;
    }
  }
}
