package vn.yte.iam.mfa.audit;

import java.time.Instant;

/**
 * A signed statement "the chain had {@code seq} records ending in {@code entryHash}", linked to the
 * checkpoint before it. A rewrite of the chain that recomputes every hash after the change still
 * contradicts the signed hash (LOG-5).
 */
public record Checkpoint(long seq, String entryHash, Instant createdAt, String jws) {}
