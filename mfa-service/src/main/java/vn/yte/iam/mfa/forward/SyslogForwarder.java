package vn.yte.iam.mfa.forward;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.yte.iam.mfa.audit.AuditRecord;
import vn.yte.iam.mfa.audit.AuditService;
import vn.yte.iam.mfa.audit.DeliveryCursors;

/**
 * Sends the whole trail, in chain order, to a SIEM as RFC 5424 syslog over TLS (RFC 5425), the
 * collector's certificate checked against the configured CA and its name. The cursor moves only
 * after a batch was written and flushed: a collector that is down gets everything when it is back
 * (at least once; {@code seq} in the structured data tells a repeat).
 */
@Service
public class SyslogForwarder {
  static final String CURSOR = "syslog";
  static final int BATCH = 500;

  private final AuditService audit;
  private final DeliveryCursors cursors;
  private final SyslogProperties properties;

  SyslogForwarder(AuditService audit, DeliveryCursors cursors, SyslogProperties properties) {
    this.audit = audit;
    this.cursors = cursors;
    this.properties = properties;
  }

  /** Forwards one batch; returns how many records went. Throws when the collector failed. */
  @Transactional
  public int forwardOnce() {
    long cursor = cursors.lock(CURSOR);
    List<AuditRecord> batch = audit.after(cursor, null, BATCH);
    if (batch.isEmpty()) {
      return 0;
    }
    try (SSLSocket socket = connect()) {
      OutputStream out = socket.getOutputStream();
      for (AuditRecord r : batch) {
        out.write(Rfc5424.frame(Rfc5424.format(r, properties.hostname())));
      }
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Syslog collector " + properties.host() + ":" + properties.port(), e);
    }
    cursors.advance(CURSOR, batch.get(batch.size() - 1).seq());
    return batch.size();
  }

  private SSLSocket connect() throws IOException {
    SSLSocket socket = (SSLSocket) sslContext().getSocketFactory().createSocket();
    int timeout = (int) properties.timeout().toMillis();
    socket.connect(new InetSocketAddress(properties.host(), properties.port()), timeout);
    socket.setSoTimeout(timeout);
    SSLParameters parameters = socket.getSSLParameters();
    // the collector's certificate must name the host we dialled, as for HTTPS
    parameters.setEndpointIdentificationAlgorithm("HTTPS");
    parameters.setProtocols(new String[] {"TLSv1.3", "TLSv1.2"});
    socket.setSSLParameters(parameters);
    socket.startHandshake();
    return socket;
  }

  private SSLContext sslContext() {
    try {
      TrustManagerFactory trust =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      if (properties.truststore() == null || properties.truststore().isBlank()) {
        trust.init((KeyStore) null);
      } else {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(Path.of(properties.truststore()))) {
          store.load(in, password());
        }
        trust.init(store);
      }
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, trust.getTrustManagers(), null);
      return context;
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("Syslog trust store " + properties.truststore(), e);
    }
  }

  private char[] password() {
    return properties.truststorePassword() == null
        ? new char[0]
        : properties.truststorePassword().toCharArray();
  }
}
