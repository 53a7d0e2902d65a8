package vn.yte.iam.keycloak.profile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.keycloak.Config;
import org.keycloak.events.admin.OperationType;
import org.keycloak.events.admin.ResourceType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.PasswordPolicy;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.ModelToRepresentation;
import org.keycloak.models.utils.RepresentationToModel;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.fgap.AdminPermissions;
import vn.yte.iam.keycloak.admin.AdminAccess;
import vn.yte.iam.keycloak.assessment.UnitAssessment;
import vn.yte.iam.keycloak.expiry.ExpiryWarningPasswordPolicyProviderFactory;

/**
 * {@code /realms/{realm}/yte-policy}: which reviewed profile a realm follows, where the live realm
 * differs from it (drift), applying it, the realm's self-assessment against the requirements
 * (SEC-6) and, on the admin realm, every realm's side by side, and running the expiry-notice sweep
 * on demand.
 */
public final class PolicyResource {
  /** Realm attribute naming the realm's profile; set in the realm file or by {@code apply}. */
  public static final String PROFILE_ATTRIBUTE = "yte.policyProfile";

  private static final ObjectMapper JSON = new ObjectMapper();
  private final KeycloakSession session;
  private final PolicyProfiles profiles;

  PolicyResource(KeycloakSession session, PolicyProfiles profiles) {
    this.session = session;
    this.profiles = profiles;
  }

  @GET
  @Path("drift")
  @Produces(MediaType.APPLICATION_JSON)
  public Map<String, Object> drift(@QueryParam("profile") String requested) {
    AdminAccess.require(session).permissions().realm().requireViewRealm();
    RealmModel realm = session.getContext().getRealm();
    String id = requested != null ? requested : realm.getAttribute(PROFILE_ATTRIBUTE);
    if (id == null) {
      throw new BadRequestException(
          "Realm has no " + PROFILE_ATTRIBUTE + "; pass ?profile= one of " + profiles.ids());
    }
    return report(realm, profile(id));
  }

  /**
   * SEC-6: how this realm stands against each requirement Keycloak holds, read from its live
   * settings, flows and accounts.
   */
  @GET
  @Path("assessment")
  @Produces(MediaType.APPLICATION_JSON)
  public Map<String, Object> assessment() {
    AdminAccess.require(session).permissions().realm().requireViewRealm();
    return UnitAssessment.of(session, session.getContext().getRealm());
  }

  /**
   * SEC-6 for a health department: every realm of the server the caller may view, side by side.
   * Served by the admin realm only, since only its administrators can span realms; the caller sees
   * the realms Keycloak lets them view, no more.
   */
  @GET
  @Path("units")
  @Produces(MediaType.APPLICATION_JSON)
  public Map<String, Object> units() {
    if (!Config.getAdminRealm().equals(session.getContext().getRealm().getName())) {
      throw new NotFoundException("The units view is served by the admin realm");
    }
    AdminAccess.Caller caller = AdminAccess.require(session);
    return UnitAssessment.units(
        session,
        realm -> AdminPermissions.evaluator(session, realm, caller.auth()).realm().canViewRealm());
  }

  @POST
  @Path("apply")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  public Map<String, Object> apply(ApplyRequest request) {
    AdminAccess.Caller caller = AdminAccess.require(session);
    caller.permissions().realm().requireManageRealm();
    if (request == null || request.profile() == null) {
      throw new BadRequestException("Body must name a profile: {\"profile\": \"moh-2021\"}");
    }
    PolicyProfile profile = profile(request.profile());
    RealmModel realm = session.getContext().getRealm();
    RealmRepresentation settings = JSON.convertValue(profile.realm(), RealmRepresentation.class);
    RepresentationToModel.updateRealm(settings, realm, session);
    realm.setPasswordPolicy(PasswordPolicy.parse(session, profile.passwordPolicyString()));
    realm.setAttribute(PROFILE_ATTRIBUTE, profile.id());
    new AdminEventBuilder(realm, caller.auth(), session, session.getContext().getConnection())
        .operation(OperationType.UPDATE)
        .resource(ResourceType.REALM)
        .resourcePath("yte-policy", "apply")
        .representation(Map.of("profile", profile.id()))
        .success();
    return report(realm, profile);
  }

  @POST
  @Path("expiry-notices")
  @Produces(MediaType.APPLICATION_JSON)
  public Map<String, Object> sendExpiryNotices() {
    AdminAccess.require(session).permissions().users().requireManage();
    RealmModel realm = session.getContext().getRealm();
    return Map.of("sent", ExpiryWarningPasswordPolicyProviderFactory.sendDue(session, realm));
  }

  private PolicyProfile profile(String id) {
    try {
      return profiles
          .find(id)
          .orElseThrow(
              () -> new NotFoundException("No profile " + id + "; known: " + profiles.ids()));
    } catch (IllegalArgumentException e) {
      throw new BadRequestException("Profile " + id + " is invalid: " + e.getMessage());
    }
  }

  private Map<String, Object> report(RealmModel realm, PolicyProfile profile) {
    JsonNode live = JSON.valueToTree(ModelToRepresentation.toRepresentation(session, realm, false));
    List<PolicyProfile.Difference> differences =
        profile.drift(realm.getPasswordPolicy().toString(), live);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("realm", realm.getName());
    body.put("profile", profile.id());
    body.put("compliant", differences.isEmpty());
    body.put("differences", differences);
    return body;
  }

  /** Body of {@code apply}. */
  public record ApplyRequest(String profile) {}
}
