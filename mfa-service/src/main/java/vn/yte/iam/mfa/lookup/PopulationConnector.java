package vn.yte.iam.mfa.lookup;

import java.util.Optional;

/** The national population database (CSDLQG về dân cư), behind whatever transport reaches it. */
public interface PopulationConnector {
  /**
   * @return the citizen, or empty when the database has no such number
   * @throws UpstreamException when the database could not answer
   */
  Optional<CitizenSummary> lookup(CitizenId id, String requestId);

  /** Minimum data a clinical system needs to confirm identity (LOG-7): no address, no family. */
  record CitizenSummary(String fullName, String birthDate, String gender, String status) {}

  /** The upstream failed or answered something unusable. */
  class UpstreamException extends RuntimeException {
    public UpstreamException(String message) {
      super(message);
    }

    public UpstreamException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
