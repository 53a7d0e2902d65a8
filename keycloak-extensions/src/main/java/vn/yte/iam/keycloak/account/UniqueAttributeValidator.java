package vn.yte.iam.keycloak.account;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.userprofile.UserProfileAttributeValidationContext;
import org.keycloak.validate.AbstractStringValidator;
import org.keycloak.validate.ValidationContext;
import org.keycloak.validate.ValidationError;
import org.keycloak.validate.ValidatorConfig;

/**
 * ACC-1: one person, one account. Refuses an attribute value (the citizen ID) that another user of
 * the realm already holds; Keycloak has uniqueness only for username and email. The other account
 * is not named: the person registering may not know about it, and IT must look.
 */
public final class UniqueAttributeValidator extends AbstractStringValidator {
  public static final String ID = "yte-unique-attribute";
  static final String MESSAGE = "yteAttributeTaken";

  @Override
  public String getId() {
    return ID;
  }

  @Override
  protected void doValidate(
      String value, String inputHint, ValidationContext context, ValidatorConfig config) {
    if (!(context instanceof UserProfileAttributeValidationContext profile)) {
      return;
    }
    KeycloakSession session = context.getSession();
    RealmModel realm = session.getContext().getRealm();
    UserModel self = profile.getAttributeContext().getUser();
    String attribute = profile.getAttributeContext().getMetadata().getName();
    boolean taken =
        session
            .users()
            .searchForUserByUserAttributeStream(realm, attribute, value)
            .anyMatch(other -> self == null || !other.getId().equals(self.getId()));
    if (taken) {
      context.addError(new ValidationError(ID, inputHint, MESSAGE));
    }
  }
}
