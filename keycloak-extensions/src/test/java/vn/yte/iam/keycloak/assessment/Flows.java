package vn.yte.iam.keycloak.assessment;

import static vn.yte.iam.keycloak.assessment.FlowStep.Requirement.ALTERNATIVE;
import static vn.yte.iam.keycloak.assessment.FlowStep.Requirement.CONDITIONAL;
import static vn.yte.iam.keycloak.assessment.FlowStep.Requirement.REQUIRED;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The flows the tests reason about: the shipped ones and Keycloak's stock ones, as plain data. */
final class Flows {
  private Flows() {}

  static FlowStep level(int level, FlowStep... steps) {
    List<FlowStep> all = new ArrayList<>();
    all.add(
        FlowStep.step(
            "conditional-level-of-authentication",
            REQUIRED,
            Map.of("loa-condition-level", String.valueOf(level))));
    all.addAll(List.of(steps));
    return FlowStep.subflow("level-" + level, CONDITIONAL, all);
  }

  /** policies/realm/yte-demo-realm.json's yte-browser, minimum level {@code minimum}. */
  static FlowStep shippedBrowser(int minimum) {
    return FlowStep.flow(
        "yte-browser",
        List.of(
            FlowStep.step("yte-minimum-level", REQUIRED, Map.of("yte.loa.minimum", "" + minimum)),
            FlowStep.subflow(
                "yte-browser-identify",
                REQUIRED,
                List.of(
                    FlowStep.step("auth-cookie", ALTERNATIVE),
                    FlowStep.step("identity-provider-redirector", ALTERNATIVE),
                    FlowStep.subflow(
                        "yte-browser-forms",
                        ALTERNATIVE,
                        List.of(
                            level(1, FlowStep.step("auth-username-password-form", REQUIRED)),
                            level(2, FlowStep.step("yte-otp-form", REQUIRED)),
                            level(3, FlowStep.step("yte-otp-form", REQUIRED)))))),
            FlowStep.step("yte-citizen-id", REQUIRED),
            FlowStep.step("yte-account-end-date", REQUIRED),
            FlowStep.step("yte-password-expiry", REQUIRED),
            FlowStep.step("yte-shared-account", REQUIRED)));
  }

  static FlowStep shippedDirectGrant() {
    return FlowStep.flow(
        "yte-direct-grant",
        List.of(
            FlowStep.step("direct-grant-validate-username", REQUIRED),
            FlowStep.step("direct-grant-validate-password", REQUIRED),
            FlowStep.step("yte-citizen-id-direct-grant", REQUIRED),
            level(
                2,
                FlowStep.step("yte-otp-enrolled-direct-grant", REQUIRED),
                FlowStep.step("yte-direct-grant-otp", REQUIRED)),
            FlowStep.step("yte-account-end-date-direct-grant", REQUIRED),
            FlowStep.step("yte-password-expiry-direct-grant", REQUIRED),
            FlowStep.step("yte-shared-account-direct-grant", REQUIRED)));
  }

  /** policies/realm/master-realm.json's yte-admin-browser. */
  static FlowStep shippedAdminBrowser() {
    return FlowStep.flow(
        "yte-admin-browser",
        List.of(
            FlowStep.subflow(
                "yte-admin-browser-identify",
                REQUIRED,
                List.of(
                    FlowStep.step("auth-cookie", ALTERNATIVE),
                    FlowStep.subflow(
                        "yte-admin-browser-forms",
                        ALTERNATIVE,
                        List.of(
                            FlowStep.step("auth-username-password-form", REQUIRED),
                            FlowStep.step("yte-otp-form", REQUIRED))))),
            FlowStep.step("yte-account-end-date", REQUIRED),
            FlowStep.step("yte-password-expiry", REQUIRED)));
  }

  static FlowStep shippedAdminDirectGrant() {
    return FlowStep.flow(
        "yte-admin-direct-grant",
        List.of(
            FlowStep.step("direct-grant-validate-username", REQUIRED),
            FlowStep.step("direct-grant-validate-password", REQUIRED),
            FlowStep.step("yte-otp-enrolled-direct-grant", REQUIRED),
            FlowStep.step("yte-direct-grant-otp", REQUIRED),
            FlowStep.step("yte-account-end-date-direct-grant", REQUIRED),
            FlowStep.step("yte-password-expiry-direct-grant", REQUIRED)));
  }

  /** Keycloak's built-in browser flow: OTP only for users who configured it. */
  static FlowStep stockBrowser() {
    return FlowStep.flow(
        "browser",
        List.of(
            FlowStep.step("auth-cookie", ALTERNATIVE),
            FlowStep.step("auth-spnego", FlowStep.Requirement.DISABLED),
            FlowStep.step("identity-provider-redirector", ALTERNATIVE),
            FlowStep.subflow(
                "forms",
                ALTERNATIVE,
                List.of(
                    FlowStep.step("auth-username-password-form", REQUIRED),
                    FlowStep.subflow(
                        "Browser - Conditional OTP",
                        CONDITIONAL,
                        List.of(
                            FlowStep.step("conditional-user-configured", REQUIRED),
                            FlowStep.step("auth-otp-form", REQUIRED)))))));
  }

  static FlowStep stockDirectGrant() {
    return FlowStep.flow(
        "direct grant",
        List.of(
            FlowStep.step("direct-grant-validate-username", REQUIRED),
            FlowStep.step("direct-grant-validate-password", REQUIRED),
            FlowStep.subflow(
                "Direct Grant - Conditional OTP",
                CONDITIONAL,
                List.of(
                    FlowStep.step("conditional-user-configured", REQUIRED),
                    FlowStep.step("direct-grant-validate-otp", REQUIRED)))));
  }
}
