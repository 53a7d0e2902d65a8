package vn.yte.iam.mfa.audit;

import java.time.Instant;

/**
 * One sealed entry of the append-only audit chain.
 *
 * @param seq position in the chain, from 1, without gaps
 * @param formatVersion version of {@link HashChain}'s canonical encoding used for {@code entryHash}
 * @param recordedAt when the gateway sealed the record (microsecond precision)
 * @param prevHash {@code entryHash} of record {@code seq - 1} ({@link HashChain#GENESIS} for 1)
 * @param entryHash SHA-256 over {@code prevHash} and the canonical encoding of this record
 */
public record AuditRecord(
    long seq,
    int formatVersion,
    Instant recordedAt,
    AuditEvent event,
    String prevHash,
    String entryHash) {}
