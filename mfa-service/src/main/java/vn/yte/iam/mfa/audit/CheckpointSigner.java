package vn.yte.iam.mfa.audit;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/** Signs checkpoints as JWS (ES256) with the checkpoint key, and checks their signatures. */
@Component
class CheckpointSigner {
  static final JOSEObjectType TYPE = new JOSEObjectType("yte-audit-checkpoint+jwt");

  /**
   * Checkpoints remembered once their signature verified (about a week of them at one a minute).
   * Safe to remember: a checkpoint is its compact form, so any change to it misses here. An
   * auditor's page of records is sealed by up to one checkpoint per record, and an ES256
   * verification costs a fraction of a millisecond.
   */
  static final int VERIFIED_KEPT = 10_000;

  private final ECKey key;
  private final JWKSet publicKeys;
  private final Map<String, Map<String, Object>> verified = new ConcurrentHashMap<>();

  CheckpointSigner(CheckpointProperties properties) {
    this.key = loadOrCreate(properties.keyFile());
    this.publicKeys = new JWKSet(key.toPublicJWK());
  }

  String sign(Map<String, Object> claims) {
    try {
      JWSObject jws =
          new JWSObject(
              new JWSHeader.Builder(JWSAlgorithm.ES256).type(TYPE).keyID(key.getKeyID()).build(),
              new Payload(claims));
      jws.sign(new ECDSASigner(key));
      return jws.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException("Cannot sign checkpoint", e);
    }
  }

  /** The claims, if the signature is ours and the algorithm is ES256; empty otherwise. */
  Optional<Map<String, Object>> verified(String compact) {
    Map<String, Object> known = verified.get(compact);
    if (known != null) {
      return Optional.of(known);
    }
    try {
      Optional<Map<String, Object>> signed = claimsSignedBy(compact, publicKeys);
      if (signed.isEmpty()) {
        return signed; // never remembered: a forgery is checked again every time
      }
      Map<String, Object> claims = Collections.unmodifiableMap(signed.get());
      if (verified.size() >= VERIFIED_KEPT) {
        verified.clear();
      }
      verified.put(compact, claims);
      return Optional.of(claims);
    } catch (ParseException | JOSEException e) {
      return Optional.empty();
    }
  }

  /**
   * The claims of a checkpoint signed with ES256 by the key of {@code keys} its header names; empty
   * if none of them signed it. Also what verifies an exported segment offline.
   */
  static Optional<Map<String, Object>> claimsSignedBy(String compact, JWKSet keys)
      throws ParseException, JOSEException {
    JWSObject checkpoint = JWSObject.parse(compact);
    if (!JWSAlgorithm.ES256.equals(checkpoint.getHeader().getAlgorithm())
        || !(keys.getKeyByKeyId(checkpoint.getHeader().getKeyID()) instanceof ECKey key)
        || !checkpoint.verify(new ECDSAVerifier(key))) {
      return Optional.empty();
    }
    return Optional.of(checkpoint.getPayload().toJSONObject());
  }

  /** The public key, for anyone who checks checkpoints outside this service. */
  Map<String, Object> publicKeys() {
    return publicKeys.toJSONObject();
  }

  private static ECKey loadOrCreate(Path file) {
    try {
      if (Files.exists(file)) {
        return ECKey.parse(Files.readString(file, StandardCharsets.UTF_8));
      }
      ECKey created =
          new ECKeyGenerator(Curve.P_256).keyID("checkpoint-" + UUID.randomUUID()).generate();
      Path dir = file.toAbsolutePath().getParent();
      Files.createDirectories(dir);
      Files.writeString(file, created.toJSONString(), StandardCharsets.UTF_8);
      try {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException notPosix) {
        // Windows: rely on the directory's permissions
      }
      return created;
    } catch (IOException e) {
      throw new UncheckedIOException("Checkpoint key " + file, e);
    } catch (ParseException | JOSEException e) {
      throw new IllegalStateException("Checkpoint key " + file + " is not a private EC JWK", e);
    }
  }
}
