package vn.yte.iam.keycloak.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.yte.iam.keycloak.assessment.FlowStep.Requirement.ALTERNATIVE;
import static vn.yte.iam.keycloak.assessment.FlowStep.Requirement.REQUIRED;

import java.util.List;
import org.junit.jupiter.api.Test;

/** MFA-1, SEC-6: which flows make every login pass a one-time code. */
class OtpFlowsTest {

  @Test
  void theShippedFlowsDemandACodeOnEveryLogin() {
    assertThat(OtpFlows.guaranteesOtp(Flows.shippedBrowser(2))).isTrue();
    assertThat(OtpFlows.guaranteesOtp(Flows.shippedDirectGrant())).isTrue();
    assertThat(OtpFlows.guaranteesOtp(Flows.shippedAdminBrowser())).isTrue();
    assertThat(OtpFlows.guaranteesOtp(Flows.shippedAdminDirectGrant())).isTrue();
  }

  @Test
  void keycloaksStockFlowsAskOnlyUsersWhoConfiguredOtp() {
    assertThat(OtpFlows.guaranteesOtp(Flows.stockBrowser())).isFalse();
    assertThat(OtpFlows.guaranteesOtp(Flows.stockDirectGrant())).isFalse();
  }

  @Test
  void aMinimumLevelBelowTheCodesLevelLeavesItOptional() {
    // Level 1 (password) runs first; level 2 then runs only when a client asks for it.
    assertThat(OtpFlows.guaranteesOtp(Flows.shippedBrowser(1))).isFalse();
  }

  @Test
  void anAlternativeWithoutACodeOpensAWayAround() {
    FlowStep withKerberos =
        FlowStep.flow(
            "with-kerberos",
            List.of(
                FlowStep.step("auth-cookie", ALTERNATIVE),
                FlowStep.step("auth-spnego", ALTERNATIVE),
                FlowStep.subflow(
                    "forms",
                    ALTERNATIVE,
                    List.of(
                        FlowStep.step("auth-username-password-form", REQUIRED),
                        FlowStep.step("yte-otp-form", REQUIRED)))));
    assertThat(OtpFlows.guaranteesOtp(withKerberos)).isFalse();
  }

  @Test
  void alternativesBesideARequiredStepAreIgnoredAsKeycloakDoes() {
    FlowStep flow =
        FlowStep.flow(
            "mixed",
            List.of(
                FlowStep.step("auth-username-password-form", REQUIRED),
                FlowStep.step("yte-otp-form", ALTERNATIVE)));
    assertThat(OtpFlows.guaranteesOtp(flow)).isFalse();
  }

  @Test
  void aDisabledCodeStepDoesNotCount() {
    FlowStep flow =
        FlowStep.flow(
            "disabled-otp",
            List.of(
                FlowStep.step("auth-username-password-form", REQUIRED),
                FlowStep.step("yte-otp-form", FlowStep.Requirement.DISABLED)));
    assertThat(OtpFlows.guaranteesOtp(flow)).isFalse();
    assertThat(OtpFlows.guaranteesOtp(null)).isFalse();
  }

  @Test
  void levelsWithACodeAreTheOnesTokensCanProveMfaWith() {
    assertThat(OtpFlows.levelsWithOtp(Flows.shippedBrowser(2))).containsExactly(2, 3);
    assertThat(OtpFlows.levelsWithOtp(Flows.stockBrowser())).isEmpty();
  }

  @Test
  void brokeringIsSeenWhereTheRedirectorIsEnabled() {
    assertThat(OtpFlows.brokers(Flows.shippedBrowser(2))).isTrue();
    assertThat(OtpFlows.brokers(Flows.shippedAdminBrowser())).isFalse();
  }
}
