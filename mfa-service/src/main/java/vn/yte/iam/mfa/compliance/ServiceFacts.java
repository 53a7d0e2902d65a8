package vn.yte.iam.mfa.compliance;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What this service knows of its own state for the self-assessment.
 *
 * @param ingestEnabled whether Keycloak's events are pulled
 * @param ingestInterval pause between two pulls
 * @param ingestCompleted when the last whole pull ended well; null: none since start
 * @param ingestFailure why the last pull failed; null when it did not
 * @param checkpointProblem why the latest signed checkpoint no longer holds; null: it holds
 * @param lastCheckpoint when the chain's end was last signed; null: never
 * @param checkpointInterval how often it is signed when the chain has grown
 * @param exportDirSet whether sealed segments are written to a WORM directory
 * @param webhookSet whether alerts are POSTed to a webhook
 * @param syslogSet whether the trail is forwarded to a SIEM
 * @param issuer the token issuer the gateway accepts
 * @param mfaAcr {@code acr} values the gateway accepts as MFA
 * @param mfaMaxAge how old a login or step-up may be for a lookup
 */
public record ServiceFacts(
    boolean ingestEnabled,
    Duration ingestInterval,
    Instant ingestCompleted,
    String ingestFailure,
    String checkpointProblem,
    Instant lastCheckpoint,
    Duration checkpointInterval,
    boolean exportDirSet,
    boolean webhookSet,
    boolean syslogSet,
    String issuer,
    List<String> mfaAcr,
    Duration mfaMaxAge) {}
