package vn.yte.iam.keycloak.assessment;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import vn.yte.iam.keycloak.assessment.FlowStep.Requirement;

/**
 * Whether every login through a flow has to pass a one-time code (MFA-1). Read from the flow's
 * structure, conservatively: a step counts only if Keycloak runs it on every path.
 *
 * <ul>
 *   <li>A required OTP step, or a required sub-flow that guarantees one, guarantees it.
 *   <li>A conditional sub-flow counts only when its condition is Keycloak's level of
 *       authentication: the first such sub-flow always runs on a fresh login, a later one runs when
 *       its level is at most the level {@code yte-minimum-level} demands. Any other condition
 *       (role, "user has OTP configured") can be false, so it does not count.
 *   <li>Alternatives count when every one of them guarantees a code, except the SSO cookie (it
 *       continues a session that already passed the flow) and the identity-provider redirector
 *       (brokered logins are the other provider's to secure; see {@link #brokers}).
 * </ul>
 */
public final class OtpFlows {
  static final Set<String> OTP_STEPS =
      Set.of("yte-otp-form", "auth-otp-form", "yte-direct-grant-otp", "direct-grant-validate-otp");
  static final String MINIMUM_LEVEL = "yte-minimum-level";
  static final String MINIMUM_LEVEL_CONFIG = "yte.loa.minimum";
  static final String LEVEL_CONDITION = "conditional-level-of-authentication";
  static final String LEVEL_CONDITION_CONFIG = "loa-condition-level";
  private static final Set<String> CONTINUATIONS = Set.of("auth-cookie");
  private static final String BROKER = "identity-provider-redirector";

  private OtpFlows() {}

  /** True when no login through {@code flow} can end without a one-time code. */
  public static boolean guaranteesOtp(FlowStep flow) {
    if (flow == null) {
      return false;
    }
    int minimum = 0;
    for (FlowStep step : flow.steps()) {
      if (step.requirement() == Requirement.REQUIRED
          && MINIMUM_LEVEL.equals(step.authenticator())) {
        minimum = Math.max(minimum, level(step.config().get(MINIMUM_LEVEL_CONFIG), 2));
      }
    }
    return guarantees(flow.steps(), new Levels(minimum));
  }

  /** True when the flow can hand a login to another identity provider. */
  public static boolean brokers(FlowStep flow) {
    return flow != null && flow.contains(BROKER);
  }

  /** Levels of authentication whose sub-flow in {@code flow} asks for a one-time code (MFA-2). */
  public static Set<Integer> levelsWithOtp(FlowStep flow) {
    Set<Integer> levels = new TreeSet<>();
    collectLevels(flow, levels);
    return levels;
  }

  private static void collectLevels(FlowStep step, Set<Integer> levels) {
    if (step == null || step.requirement() == Requirement.DISABLED) {
      return;
    }
    Integer level = levelCondition(step);
    if (level != null
        && step.steps().stream().anyMatch(s -> OTP_STEPS.stream().anyMatch(s::requires))) {
      levels.add(level);
    }
    step.steps().forEach(s -> collectLevels(s, levels));
  }

  private static boolean guarantees(List<FlowStep> steps, Levels levels) {
    boolean anyRequired = false;
    for (FlowStep step : steps) {
      switch (step.requirement()) {
        case REQUIRED -> {
          anyRequired = true;
          if (isOtp(step) || step.isFlow() && guarantees(step.steps(), levels)) {
            return true;
          }
        }
        case CONDITIONAL -> {
          anyRequired = true;
          Integer level = levelCondition(step);
          if (level != null) {
            boolean runs = !levels.reached || level <= levels.minimum;
            levels.reached = true;
            if (runs && guarantees(step.steps(), levels)) {
              return true;
            }
          }
        }
        default -> {}
      }
    }
    // Keycloak ignores alternatives in a flow that has a required or conditional step.
    if (anyRequired) {
      return false;
    }
    List<FlowStep> paths =
        steps.stream()
            .filter(s -> s.requirement() == Requirement.ALTERNATIVE)
            .filter(s -> s.isFlow() || !CONTINUATIONS.contains(s.authenticator()))
            .filter(s -> !BROKER.equals(s.authenticator()))
            .toList();
    return !paths.isEmpty()
        && paths.stream()
            .allMatch(p -> isOtp(p) || p.isFlow() && guarantees(p.steps(), levels.copy()));
  }

  private static boolean isOtp(FlowStep step) {
    return !step.isFlow() && OTP_STEPS.contains(step.authenticator());
  }

  /** The level of a sub-flow whose only condition is the level of authentication, else null. */
  private static Integer levelCondition(FlowStep subflow) {
    if (!subflow.isFlow()) {
      return null;
    }
    List<FlowStep> conditions =
        subflow.steps().stream()
            .filter(s -> s.authenticator() != null && s.authenticator().startsWith("conditional-"))
            .filter(s -> s.requirement() != Requirement.DISABLED)
            .toList();
    if (conditions.size() != 1 || !LEVEL_CONDITION.equals(conditions.get(0).authenticator())) {
      return null;
    }
    return level(conditions.get(0).config().get(LEVEL_CONDITION_CONFIG), 0);
  }

  private static int level(String value, int fallback) {
    try {
      return value == null ? fallback : Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      return fallback;
    }
  }

  /** Level-of-authentication state while walking one login path. */
  private static final class Levels {
    final int minimum;
    boolean reached;

    Levels(int minimum) {
      this.minimum = minimum;
    }

    Levels copy() {
      Levels copy = new Levels(minimum);
      copy.reached = reached;
      return copy;
    }
  }
}
