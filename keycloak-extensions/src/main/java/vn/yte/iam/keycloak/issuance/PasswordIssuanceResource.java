package vn.yte.iam.keycloak.issuance;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.events.admin.OperationType;
import org.keycloak.events.admin.ResourceType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ModelException;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserCredentialModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import vn.yte.iam.keycloak.admin.AdminAccess;
import vn.yte.iam.keycloak.admin.Reasons;
import vn.yte.iam.keycloak.passwordpolicy.composition.CompositionPasswordPolicyProviderFactory;

/**
 * {@code POST /realms/{realm}/yte-password-issuance/users/{id}}: the only way an administrator
 * gives someone a password in a realm with {@code yte-password-issued-only} (PW-3). The password is
 * generated here, returned once, stored as temporary (the user must change it at first login) and
 * the issuance is an admin event and a user event naming the administrator and the reason.
 */
public final class PasswordIssuanceResource {
  private static final int ATTEMPTS = 5;

  private final KeycloakSession session;
  private final RandomPasswords passwords;

  PasswordIssuanceResource(KeycloakSession session, RandomPasswords passwords) {
    this.session = session;
    this.passwords = passwords;
  }

  @POST
  @Path("users/{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  public Response issue(@PathParam("id") String userId, IssueRequest request) {
    AdminAccess.Caller caller = AdminAccess.require(session);
    RealmModel realm = session.getContext().getRealm();
    UserModel user = caller.user(session, userId);
    caller.permissions().users().requireResetPassword(user);
    String reason =
        Reasons.require(request == null ? null : request.reason(), "Cần nêu lý do cấp mật khẩu");

    String password = store(realm, user);
    user.addRequiredAction(UserModel.RequiredAction.UPDATE_PASSWORD);
    audit(caller, realm, user, reason);

    Map<String, Object> body = new LinkedHashMap<>();
    body.put("userId", user.getId());
    body.put("username", user.getUsername());
    body.put("password", password);
    body.put("temporary", true);
    body.put("requiredAction", UserModel.RequiredAction.UPDATE_PASSWORD.name());
    return Response.ok(body)
        .header("Cache-Control", "no-store")
        .header("Pragma", "no-cache")
        .build();
  }

  /** Generates until the realm's policies accept one; a random password failing twice is rare. */
  private String store(RealmModel realm, UserModel user) {
    ModelException last = null;
    for (int i = 0; i < ATTEMPTS; i++) {
      String candidate = passwords.next(lengthFor(realm));
      session.setAttribute(IssuedOnlyPasswordPolicyProviderFactory.ISSUING, Boolean.TRUE);
      try {
        user.credentialManager().updateCredential(UserCredentialModel.password(candidate, false));
        return candidate;
      } catch (ModelException e) {
        last = e;
      } finally {
        session.removeAttribute(IssuedOnlyPasswordPolicyProviderFactory.ISSUING);
      }
    }
    throw new BadRequestException("The realm's password policy refused generated passwords", last);
  }

  /** At least 16, more if the realm demands it, never over the realm's maximum length. */
  private static int lengthFor(RealmModel realm) {
    int length = RandomPasswords.DEFAULT_LENGTH;
    for (String minPolicy :
        new String[] {"length", CompositionPasswordPolicyProviderFactory.PROVIDER_ID}) {
      if (realm.getPasswordPolicy().getPolicyConfig(minPolicy) instanceof Integer min) {
        length = Math.max(length, min);
      }
    }
    if (realm.getPasswordPolicy().getPolicyConfig("maxLength") instanceof Integer max) {
      length = Math.min(length, max);
    }
    return length;
  }

  private void audit(AdminAccess.Caller caller, RealmModel realm, UserModel user, String reason) {
    new AdminEventBuilder(realm, caller.auth(), session, session.getContext().getConnection())
        .operation(OperationType.ACTION)
        .resource(ResourceType.USER)
        .resourcePath("users", user.getId(), "issued-password")
        .representation(Map.of("reason", reason, "temporary", true))
        .success();
    new EventBuilder(realm, session, session.getContext().getConnection())
        .event(EventType.UPDATE_CREDENTIAL)
        .user(user)
        .detail("credential_type", "password")
        .detail("yte_issued_by", caller.auth().getUser().getId())
        .detail("yte_issued_by_realm", caller.auth().getRealm().getName())
        .detail("reason", reason)
        .success();
  }

  /** Body of the issuance request. */
  public record IssueRequest(String reason) {}
}
