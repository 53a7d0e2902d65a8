package vn.yte.iam.mfa.alert;

import com.nimbusds.jose.util.JSONObjectUtils;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.yte.iam.mfa.audit.AuditRecord;
import vn.yte.iam.mfa.audit.AuditService;
import vn.yte.iam.mfa.audit.DeliveryCursors;

/**
 * Sends every alert to the webhook, in order, each once it was answered with 2xx: the cursor only
 * moves past a delivered alert, so a webhook that is down gets the alerts when it is back (at least
 * once; the {@code seq} in each body lets the receiver drop a repeat).
 */
@Service
public class WebhookSender {
  static final String CURSOR = "webhook";
  static final String SIGNATURE_HEADER = "X-YTe-Signature";

  private final AuditService audit;
  private final DeliveryCursors cursors;
  private final AlertProperties properties;
  private final HttpClient http;

  WebhookSender(AuditService audit, DeliveryCursors cursors, AlertProperties properties) {
    this.audit = audit;
    this.cursors = cursors;
    this.properties = properties;
    this.http = HttpClient.newBuilder().connectTimeout(properties.webhookTimeout()).build();
  }

  boolean enabled() {
    return properties.webhookUrl() != null && !properties.webhookUrl().isBlank();
  }

  /** Delivers the alerts not yet delivered, up to the first failure; returns how many went. */
  @Transactional
  public int deliverOnce() {
    long cursor = cursors.lock(CURSOR);
    List<AuditRecord> pending = audit.after(cursor, Alert.TYPE, 100);
    int sent = 0;
    for (AuditRecord r : pending) {
      if (!send(Alert.of(r))) {
        break;
      }
      cursors.advance(CURSOR, r.seq());
      sent++;
    }
    return sent;
  }

  private boolean send(Alert alert) {
    String body = JSONObjectUtils.toJSONString(alert.json());
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(properties.webhookUrl()))
            .timeout(properties.webhookTimeout())
            .header("Content-Type", "application/json; charset=utf-8")
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if (properties.webhookSecret() != null && !properties.webhookSecret().isBlank()) {
      request.header(SIGNATURE_HEADER, "sha256=" + sign(properties.webhookSecret(), body));
    }
    try {
      int status = http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
      return status >= 200 && status < 300;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** HMAC-SHA256 of the body, hex: the receiver recomputes it with the shared secret. */
  static String sign(String secret, String body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
