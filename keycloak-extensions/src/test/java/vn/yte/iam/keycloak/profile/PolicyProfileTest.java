package vn.yte.iam.keycloak.profile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class PolicyProfileTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static PolicyProfile shipped(String id) {
    return new PolicyProfiles(Path.of("no-such-dir")).find(id).orElseThrow();
  }

  @Test
  void shippedProfilesLoadAndKeepTheSimilarHistoryCheckLast() {
    for (String id : PolicyProfiles.BUNDLED) {
      PolicyProfile profile = shipped(id);
      assertThat(profile.passwordPolicy()).containsKey("forceExpiredPasswordChange");
      assertThat(profile.passwordPolicy().keySet())
          .last()
          .isEqualTo("yte-password-history-similar");
    }
  }

  @Test
  void policyStringRoundTrips() {
    String policy = shipped("moh-2021").passwordPolicyString();
    assertThat(PolicyString.format(PolicyString.parse(policy))).isEqualTo(policy);
    assertThat(policy).contains("yte-password-not-personal(undefined)");
  }

  @Test
  void driftListsChangedMissingAndExtraEntriesAndRealmSettings() throws Exception {
    PolicyProfile profile = shipped("moh-2021");
    JsonNode realm = JSON.readTree("{\"bruteForceProtected\":false,\"failureFactor\":5}");
    String live =
        profile
                .passwordPolicyString()
                .replace("forceExpiredPasswordChange(180)", "forceExpiredPasswordChange(365)")
                .replace(" and yte-password-blocklist(default)", "")
            + " and length(6)";
    assertThat(profile.drift(live, realm))
        .extracting(PolicyProfile.Difference::setting)
        .contains(
            "passwordPolicy.forceExpiredPasswordChange",
            "passwordPolicy.yte-password-blocklist",
            "passwordPolicy.length",
            "realm.bruteForceProtected",
            "realm.eventsEnabled")
        .doesNotContain("realm.failureFactor");
  }

  @Test
  void aMatchingRealmHasNoDrift() throws Exception {
    PolicyProfile profile = shipped("strict");
    JsonNode realm = JSON.valueToTree(profile.realm());
    assertThat(profile.drift(profile.passwordPolicyString(), realm)).isEmpty();
  }
}
