package vn.yte.iam.keycloak.assessment;

import java.util.List;
import java.util.Map;

/**
 * One execution of an authentication flow as plain data: an authenticator (with its config) or a
 * sub-flow (with its steps), and its requirement. The self-assessment reads flows in this form so
 * that its rules can be tested without a server.
 */
public record FlowStep(
    String alias,
    String authenticator,
    Requirement requirement,
    Map<String, String> config,
    List<FlowStep> steps) {

  /** Keycloak's requirements of an execution. */
  public enum Requirement {
    REQUIRED,
    ALTERNATIVE,
    CONDITIONAL,
    DISABLED
  }

  public FlowStep {
    config = config == null ? Map.of() : Map.copyOf(config);
    steps = steps == null ? List.of() : List.copyOf(steps);
  }

  /** A top-level flow: its steps always run, so it counts as required. */
  public static FlowStep flow(String alias, List<FlowStep> steps) {
    return new FlowStep(alias, null, Requirement.REQUIRED, Map.of(), steps);
  }

  public static FlowStep subflow(String alias, Requirement requirement, List<FlowStep> steps) {
    return new FlowStep(alias, null, requirement, Map.of(), steps);
  }

  public static FlowStep step(String authenticator, Requirement requirement) {
    return new FlowStep(null, authenticator, requirement, Map.of(), List.of());
  }

  public static FlowStep step(
      String authenticator, Requirement requirement, Map<String, String> config) {
    return new FlowStep(null, authenticator, requirement, config, List.of());
  }

  public boolean isFlow() {
    return authenticator == null;
  }

  /** Whether this step or anything under it is the given authenticator, enabled. */
  public boolean contains(String id) {
    if (requirement == Requirement.DISABLED) {
      return false;
    }
    return id.equals(authenticator) || steps.stream().anyMatch(s -> s.contains(id));
  }

  /** Whether the authenticator runs on every login through this flow (required at every level). */
  public boolean requires(String id) {
    if (requirement != Requirement.REQUIRED) {
      return false;
    }
    return id.equals(authenticator) || steps.stream().anyMatch(s -> s.requires(id));
  }
}
