package vn.yte.iam.keycloak.account;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Predicate;
import org.keycloak.validate.AbstractStringValidator;
import org.keycloak.validate.ValidationContext;
import org.keycloak.validate.ValidationError;
import org.keycloak.validate.ValidatorConfig;

/**
 * ACC-2: a user-profile validator for {@code username} refusing generic and role names. The list
 * ships from {@code policies/usernames/generic.txt}; a realm adds its own words (ward names, say)
 * without a rebuild in the validator's {@code words} option in the user profile.
 */
public final class PersonUsernameValidator extends AbstractStringValidator {
  public static final String ID = "yte-person-username";
  static final String MESSAGE = "yteUsernameGeneric";
  public static final String WORDS = "words";
  private static final GenericUsernames SHIPPED = load();

  @Override
  public String getId() {
    return ID;
  }

  @Override
  protected void doValidate(
      String value, String inputHint, ValidationContext context, ValidatorConfig config) {
    if (genericNames(config.getStringListOrDefault(WORDS, List.of())).test(value)) {
      context.addError(new ValidationError(ID, inputHint, MESSAGE));
    }
  }

  /**
   * The usernames the shipped list, with a realm's own {@code words}, refuses. Built once per list
   * of words: with words, it copies the shipped list.
   */
  public static Predicate<String> genericNames(List<String> words) {
    return SHIPPED.with(words)::isGeneric;
  }

  private static GenericUsernames load() {
    try (InputStream in =
        PersonUsernameValidator.class.getResourceAsStream("/yte/username-lists/generic.txt")) {
      if (in == null) {
        throw new IllegalStateException("generic.txt missing from the provider jar");
      }
      return GenericUsernames.of(
          new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
