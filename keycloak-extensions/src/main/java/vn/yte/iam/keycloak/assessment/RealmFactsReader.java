package vn.yte.iam.keycloak.assessment;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.keycloak.Config;
import org.keycloak.models.AuthenticationExecutionModel;
import org.keycloak.models.AuthenticationFlowModel;
import org.keycloak.models.AuthenticatorConfigModel;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RequiredActionProviderModel;
import org.keycloak.models.credential.OTPCredentialModel;
import org.keycloak.protocol.oidc.utils.AcrUtils;
import org.keycloak.representations.userprofile.config.UPAttribute;
import org.keycloak.representations.userprofile.config.UPConfig;
import org.keycloak.userprofile.UserProfileProvider;
import vn.yte.iam.keycloak.account.AccountEndDate;
import vn.yte.iam.keycloak.account.PersonUsernameValidator;
import vn.yte.iam.keycloak.passwordpolicy.personal.PersonalData;
import vn.yte.iam.keycloak.profile.PolicyString;
import vn.yte.iam.keycloak.spi.RealmUsers;

/** Reads {@link RealmFacts} off a live realm, its accounts and the server's admin realm. */
public final class RealmFactsReader {
  private static final String BROWSER = "browser";
  private static final String DIRECT_GRANT = "direct_grant";

  private RealmFactsReader() {}

  /** Reads {@code realm}, whichever realm the session's context holds; the context is restored. */
  public static RealmFacts read(KeycloakSession session, RealmModel realm) {
    RealmModel previous = session.getContext().getRealm();
    // Keycloak reads the user profile and identity providers of the context's realm.
    session.getContext().setRealm(realm);
    try {
      return readBound(session, realm);
    } finally {
      session.getContext().setRealm(previous);
    }
  }

  private static RealmFacts readBound(KeycloakSession session, RealmModel realm) {
    RealmModel admin = session.realms().getRealmByName(Config.getAdminRealm());
    List<ClientModel> clients = realm.getClientsStream().filter(ClientModel::isEnabled).toList();
    List<ClientModel> directGrant =
        clients.stream().filter(ClientModel::isDirectAccessGrantsEnabled).toList();
    UPConfig profile = session.getProvider(UserProfileProvider.class).getConfiguration();
    return new RealmFacts(
        realm.getName(),
        PolicyString.parse(realm.getPasswordPolicy().toString()),
        realm.getSslRequired() == null ? null : realm.getSslRequired().name(),
        realm.isBruteForceProtected(),
        realm.getFailureFactor(),
        realm.isEventsEnabled(),
        realm.getEventsExpiration(),
        realm.getEnabledEventTypesStream().collect(Collectors.toSet()),
        realm.isAdminEventsEnabled(),
        realm.isAdminEventsDetailsEnabled(),
        realm.getOTPPolicy().isCodeReusable(),
        realm
            .getRequiredActionProvidersStream()
            .filter(RequiredActionProviderModel::isEnabled)
            .map(RequiredActionProviderModel::getAlias)
            .collect(Collectors.toSet()),
        AcrUtils.getAcrLoaMap(realm),
        flow(realm, realm.getBrowserFlow()),
        flow(realm, realm.getDirectGrantFlow()),
        overrides(realm, clients, BROWSER),
        overrides(realm, directGrant, DIRECT_GRANT),
        directGrant.stream().map(ClientModel::getClientId).sorted().toList(),
        IdentityProviderProbe.probe(session),
        admin == null ? null : flow(admin, admin.getBrowserFlow()),
        admin == null ? null : flow(admin, admin.getDirectGrantFlow()),
        admin == null ? null : PolicyString.parse(admin.getPasswordPolicy().toString()),
        validators(profile),
        clients.stream()
            .collect(
                Collectors.groupingBy(
                    c -> c.getProtocol() == null ? "openid-connect" : c.getProtocol(),
                    TreeMap::new,
                    Collectors.summingInt(c -> 1))),
        DirectoryProbe.probe(session, realm),
        accounts(session, realm, usernameWords(profile)));
  }

  private static Map<String, FlowStep> overrides(
      RealmModel realm, List<ClientModel> clients, String binding) {
    Map<String, FlowStep> flows = new LinkedHashMap<>();
    for (ClientModel client : clients) {
      String flowId = client.getAuthenticationFlowBindingOverride(binding);
      if (flowId != null) {
        flows.put(client.getClientId(), flow(realm, realm.getAuthenticationFlowById(flowId)));
      }
    }
    return flows;
  }

  static FlowStep flow(RealmModel realm, AuthenticationFlowModel flow) {
    return flow == null ? null : FlowStep.flow(flow.getAlias(), steps(realm, flow.getId()));
  }

  private static List<FlowStep> steps(RealmModel realm, String flowId) {
    List<FlowStep> steps = new ArrayList<>();
    realm
        .getAuthenticationExecutionsStream(flowId)
        .sorted(Comparator.comparingInt(AuthenticationExecutionModel::getPriority))
        .forEach(
            execution -> {
              FlowStep.Requirement requirement =
                  FlowStep.Requirement.valueOf(execution.getRequirement().name());
              if (execution.isAuthenticatorFlow()) {
                AuthenticationFlowModel sub =
                    realm.getAuthenticationFlowById(execution.getFlowId());
                steps.add(
                    FlowStep.subflow(
                        sub == null ? execution.getFlowId() : sub.getAlias(),
                        requirement,
                        steps(realm, execution.getFlowId())));
              } else {
                steps.add(
                    FlowStep.step(
                        execution.getAuthenticator(), requirement, config(realm, execution)));
              }
            });
    return steps;
  }

  private static Map<String, String> config(
      RealmModel realm, AuthenticationExecutionModel execution) {
    if (execution.getAuthenticatorConfig() == null) {
      return Map.of();
    }
    AuthenticatorConfigModel config =
        realm.getAuthenticatorConfigById(execution.getAuthenticatorConfig());
    if (config == null || config.getConfig() == null) {
      return Map.of();
    }
    Map<String, String> values = new LinkedHashMap<>(config.getConfig());
    values.values().removeIf(Objects::isNull);
    return values;
  }

  private static Map<String, Set<String>> validators(UPConfig profile) {
    Map<String, Set<String>> out = new LinkedHashMap<>();
    for (UPAttribute attribute : profile.getAttributes()) {
      Map<String, Map<String, Object>> validations = attribute.getValidations();
      out.put(attribute.getName(), validations == null ? Set.of() : validations.keySet());
    }
    return out;
  }

  /** The realm's own additions to the generic-name list, from its username validator. */
  private static List<String> usernameWords(UPConfig profile) {
    UPAttribute username = profile.getAttribute("username");
    if (username == null || username.getValidations() == null) {
      return List.of();
    }
    Map<String, Object> options = username.getValidations().get(PersonUsernameValidator.ID);
    Object words = options == null ? null : options.get(PersonUsernameValidator.WORDS);
    if (words instanceof List<?> list) {
      return list.stream().map(String::valueOf).toList();
    }
    return words == null ? List.of() : List.of(String.valueOf(words).split("##"));
  }

  private static RealmFacts.Accounts accounts(
      KeycloakSession session, RealmModel realm, List<String> words) {
    Instant now = Instant.now();
    Predicate<String> genericName = PersonUsernameValidator.genericNames(words);
    List<String> generic = new ArrayList<>();
    Map<String, Integer> holders = new HashMap<>();
    Tally tally = new Tally();
    int enabled =
        RealmUsers.count(
            session,
            realm,
            (page, user) -> {
              if (!user.isEnabled()) {
                return false;
              }
              if (genericName.test(user.getUsername())) {
                generic.add(user.getUsername());
              }
              String citizenId = user.getFirstAttribute(PersonalData.CITIZEN_ID);
              if (citizenId == null || citizenId.isBlank()) {
                tally.withoutCitizenId++;
              } else {
                holders.merge(citizenId.strip(), 1, Integer::sum);
              }
              if (!user.credentialManager().isConfiguredFor(OTPCredentialModel.TYPE)) {
                tally.withoutOtp++;
              }
              if (AccountEndDate.ended(user, now)) {
                tally.pastEndDate++;
              }
              if (user.getFederationLink() != null) {
                tally.federated++;
              }
              return true;
            });
    generic.sort(null);
    int shared = (int) holders.values().stream().filter(n -> n > 1).count();
    return new RealmFacts.Accounts(
        enabled,
        generic,
        tally.withoutCitizenId,
        tally.withoutOtp,
        tally.pastEndDate,
        shared,
        tally.federated);
  }

  /** Counts over the enabled accounts, filled a page at a time. */
  private static final class Tally {
    int withoutCitizenId;
    int withoutOtp;
    int pastEndDate;
    int federated;
  }
}
