package vn.yte.iam.mfa.audit;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Signed checkpoints of the audit chain (LOG-5).
 *
 * @param keyFile the signing key, a private EC P-256 JWK; generated there on first start when
 *     absent. Keep it (and a copy of its public half) away from the database and its backups:
 *     whoever holds both could rewrite history and sign it.
 * @param interval how often the chain's end is signed when it has grown
 * @param exportDir where sealed segments are written once, read-only (WORM-style); none if unset
 */
@ConfigurationProperties("yte.audit.checkpoint")
public record CheckpointProperties(Path keyFile, Duration interval, Path exportDir) {}
