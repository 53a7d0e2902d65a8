package vn.yte.iam.keycloak.mfa;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import org.keycloak.credential.CredentialModel;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.events.admin.OperationType;
import org.keycloak.events.admin.ResourceType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.credential.OTPCredentialModel;
import org.keycloak.models.credential.RecoveryAuthnCodesCredentialModel;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import vn.yte.iam.keycloak.admin.AdminAccess;
import vn.yte.iam.keycloak.admin.Reasons;

/**
 * {@code POST /realms/{realm}/yte-mfa/users/{id}/otp-reset}: MFA-3's audited factor reset, for a
 * user whose phone is lost, broken or replaced. It needs a reason and Keycloak's manage-users
 * permission for that user; it removes every authenticator and recovery code, ends the user's
 * sessions (whoever holds the old phone is signed out too) and makes the next login enrol a new
 * authenticator. The admin event and the user event both carry the administrator and the reason.
 */
public final class MfaResource {
  private static final List<String> FACTORS =
      List.of(OTPCredentialModel.TYPE, RecoveryAuthnCodesCredentialModel.TYPE);

  private final KeycloakSession session;

  MfaResource(KeycloakSession session, Void unused) {
    this.session = session;
  }

  @POST
  @Path("users/{id}/otp-reset")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  public Map<String, Object> resetOtp(@PathParam("id") String userId, ResetRequest request) {
    AdminAccess.Caller caller = AdminAccess.require(session);
    RealmModel realm = session.getContext().getRealm();
    UserModel user = caller.user(session, userId);
    caller.permissions().users().requireManage(user);
    String reason =
        Reasons.require(
            request == null ? null : request.reason(), "Cần nêu lý do đặt lại xác thực OTP");

    List<CredentialModel> factors =
        user.credentialManager()
            .getStoredCredentialsStream()
            .filter(c -> FACTORS.contains(c.getType()))
            .toList();
    factors.forEach(c -> user.credentialManager().removeStoredCredentialById(c.getId()));
    user.addRequiredAction(UserModel.RequiredAction.CONFIGURE_TOTP);
    session.sessions().removeUserSessions(realm, user);
    audit(caller, realm, user, reason, factors.size());
    return Map.of(
        "userId", user.getId(),
        "removedCredentials", factors.size(),
        "requiredAction", UserModel.RequiredAction.CONFIGURE_TOTP.name());
  }

  private void audit(
      AdminAccess.Caller caller, RealmModel realm, UserModel user, String reason, int removed) {
    new AdminEventBuilder(realm, caller.auth(), session, session.getContext().getConnection())
        .operation(OperationType.ACTION)
        .resource(ResourceType.USER)
        .resourcePath("users", user.getId(), "otp-reset")
        .representation(Map.of("reason", reason, "removedCredentials", removed))
        .success();
    new EventBuilder(realm, session, session.getContext().getConnection())
        .event(EventType.REMOVE_CREDENTIAL)
        .user(user)
        .detail("credential_type", OTPCredentialModel.TYPE)
        .detail("yte_reset_by", caller.auth().getUser().getId())
        .detail("yte_reset_by_realm", caller.auth().getRealm().getName())
        .detail("reason", reason)
        .success();
  }

  /** Body of the reset request. */
  public record ResetRequest(String reason) {}
}
