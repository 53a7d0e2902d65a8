package vn.yte.iam.mfa.forward;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLServerSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.yte.iam.mfa.audit.AuditEvent;
import vn.yte.iam.mfa.audit.AuditRecord;
import vn.yte.iam.mfa.audit.AuditService;
import vn.yte.iam.mfa.audit.DeliveryCursors;
import vn.yte.iam.mfa.audit.HashChain;
import vn.yte.iam.testsupport.FreePorts;

/**
 * LOG-5, SEC-2 forwarding: the trail reaches a TLS syslog collector as RFC 5424 messages in RFC
 * 5425 frames, in chain order, with the collector's certificate checked; what could not be sent
 * while the collector was down is sent when it is back, and nothing goes to a collector we do not
 * trust.
 */
@SpringBootTest
class SyslogForwarderTest {
  static final Path DIR = keys();
  static final int PORT = FreePorts.next();
  static final List<String> received = new CopyOnWriteArrayList<>();
  static Collector collector;

  @Autowired AuditService audit;
  @Autowired SyslogForwarder forwarder;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add(
        "spring.datasource.url", () -> "jdbc:h2:mem:syslog;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE");
    registry.add("yte.population.api-key", () -> "unused");
    registry.add("yte.population.citizen-key", () -> "k".repeat(40));
    registry.add("yte.syslog.host", () -> "localhost");
    registry.add("yte.syslog.port", () -> Integer.toString(PORT));
    registry.add("yte.syslog.truststore", () -> DIR.resolve("trust.p12").toString());
    registry.add("yte.syslog.truststore-password", () -> "changeit");
    registry.add("yte.syslog.hostname", () -> "mfa-1");
    registry.add("yte.syslog.interval", () -> "1h"); // forwarded by hand below
  }

  @AfterAll
  static void stop() throws IOException {
    if (collector != null) {
      collector.close();
    }
  }

  @Test
  void theTrailReachesTheCollectorInOrderAndNothingIsLostWhileItIsDown() throws Exception {
    AuditRecord alert =
        audit.append(event("SECURITY_ALERT", "BRUTE_FORCE", "5 lần sai \"mật khẩu\" [x] \\"));
    AuditRecord login = audit.append(event("KC_LOGIN", "SUCCESS", "auth_method=openid-connect"));

    // The collector is down: the run fails, and nothing is marked as sent.
    assertThatThrownBy(forwarder::forwardOnce).isInstanceOf(RuntimeException.class);

    collector = new Collector(DIR.resolve("server.p12"), PORT, received);
    forwarder.forwardOnce();
    String alertMessage = collector.await(alert.seq());
    String loginMessage = collector.await(login.seq());
    assertThat(alertMessage)
        .startsWith("<84>1 ")
        .contains(" mfa-1 yte-mfa-service - SECURITY_ALERT [yte@32473 seq=\"" + alert.seq() + "\"")
        .contains("hash=\"" + alert.entryHash() + "\"")
        .contains("user=\"bs.nguyenvanan\"")
        .endsWith("] \uFEFF5 lần sai \"mật khẩu\" [x] \\");
    assertThat(loginMessage)
        .startsWith("<85>1 ")
        .contains("KC_LOGIN [yte@32473 seq=\"" + login.seq() + "\"");
    assertThat(received.indexOf(alertMessage)).isLessThan(received.indexOf(loginMessage));

    // Sent once: the next run has nothing to send.
    int count = received.size();
    assertThat(forwarder.forwardOnce()).isZero();
    assertThat(received).hasSize(count);
  }

  @Test
  void aCollectorWeDoNotTrustGetsNothing(@Autowired DeliveryCursors cursors) throws Exception {
    int port = FreePorts.next();
    List<String> stolen = new CopyOnWriteArrayList<>();
    keyPair("rogue", DIR.resolve("rogue.p12"));
    audit.append(event("KC_LOGIN", "SUCCESS", "auth_method=openid-connect"));
    SyslogProperties toRogue =
        new SyslogProperties(
            "localhost",
            port,
            DIR.resolve("trust.p12").toString(),
            "changeit",
            "mfa-1",
            Duration.ofHours(1),
            Duration.ofSeconds(5));
    try (Collector rogue = new Collector(DIR.resolve("rogue.p12"), port, stolen)) {
      SyslogForwarder forwarder = new SyslogForwarder(audit, cursors, toRogue);
      assertThatThrownBy(forwarder::forwardOnce).hasCauseInstanceOf(SSLHandshakeException.class);
      Thread.sleep(200);
      assertThat(stolen).isEmpty();
    }
  }

  @Test
  void structuredDataEscapesWhatWouldEndIt() {
    AuditEvent view =
        new AuditEvent(
            "AUDIT_VIEW",
            "GRANTED",
            null,
            "a\"b]c\\d",
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null);
    String message = Rfc5424.format(HashChain.seal(1, HashChain.GENESIS, Instant.EPOCH, view), "h");
    assertThat(message).contains("user=\"a\\\"b\\]c\\\\d\"").endsWith("]");
  }

  /** RFC 5424 caps MSGID at 32 characters; some Keycloak event types are longer. */
  @Test
  void aLongEventTypeFitsTheHeaderAndIsKeptWholeInTheStructuredData() {
    String type = "KC_IDENTITY_PROVIDER_FIRST_LOGIN_ERROR";
    String message =
        Rfc5424.format(
            HashChain.seal(1, HashChain.GENESIS, Instant.EPOCH, event(type, "ERROR", "x")), "h");
    String[] header = message.split(" ", 7); // PRI+VERSION TIME HOST APP PROCID MSGID rest
    assertThat(header[5]).hasSizeLessThanOrEqualTo(32).isEqualTo(type.substring(0, 32));
    assertThat(header[6]).startsWith("[yte@32473 ").contains(" type=\"" + type + "\"");
  }

  private static AuditEvent event(String type, String outcome, String detail) {
    return new AuditEvent(
        type,
        outcome,
        "u-1",
        "bs.nguyenvanan",
        "sid-1",
        "his-demo",
        "10.0.0.1",
        null,
        null,
        null,
        null,
        detail);
  }

  /** A server key and certificate for localhost, and a trust store with only that certificate. */
  private static Path keys() {
    try {
      Path dir = Files.createTempDirectory("syslog-tls");
      keyPair("collector", dir.resolve("server.p12"));
      keytool(
          "-exportcert",
          "-alias",
          "collector",
          "-keystore",
          dir.resolve("server.p12").toString(),
          "-storepass",
          "changeit",
          "-file",
          dir.resolve("collector.crt").toString());
      keytool(
          "-importcert",
          "-noprompt",
          "-alias",
          "collector",
          "-file",
          dir.resolve("collector.crt").toString(),
          "-storetype",
          "PKCS12",
          "-keystore",
          dir.resolve("trust.p12").toString(),
          "-storepass",
          "changeit");
      return dir;
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  /** An EC key and a self-signed certificate for localhost, valid two days. */
  private static void keyPair(String alias, Path keystore)
      throws IOException, InterruptedException {
    keytool(
        "-genkeypair",
        "-alias",
        alias,
        "-keyalg",
        "EC",
        "-groupname",
        "secp256r1",
        "-dname",
        "CN=localhost",
        "-ext",
        "SAN=dns:localhost,ip:127.0.0.1",
        "-validity",
        "2",
        "-storetype",
        "PKCS12",
        "-keystore",
        keystore.toString(),
        "-storepass",
        "changeit");
  }

  private static void keytool(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (p.waitFor() != 0) {
      throw new IllegalStateException(command + "\n" + output);
    }
  }

  /** A TLS syslog collector reading RFC 5425 frames into a list. */
  static final class Collector implements AutoCloseable {
    private final ServerSocket server;

    Collector(Path keystore, int port, List<String> into) throws Exception {
      KeyStore keys = KeyStore.getInstance("PKCS12");
      try (InputStream in = Files.newInputStream(keystore)) {
        keys.load(in, "changeit".toCharArray());
      }
      KeyManagerFactory kmf =
          KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      kmf.init(keys, "changeit".toCharArray());
      SSLContext tls = SSLContext.getInstance("TLS");
      tls.init(kmf.getKeyManagers(), null, null);
      SSLServerSocket socket =
          (SSLServerSocket)
              tls.getServerSocketFactory()
                  .createServerSocket(port, 10, InetAddress.getLoopbackAddress());
      server = socket;
      Thread accept =
          new Thread(
              () -> {
                while (!server.isClosed()) {
                  try (Socket client = server.accept()) {
                    read(new DataInputStream(client.getInputStream()), into);
                  } catch (IOException closedOrBroken) {
                    // next connection
                  }
                }
              },
              "syslog-collector");
      accept.setDaemon(true);
      accept.start();
    }

    private static void read(DataInputStream in, List<String> into) throws IOException {
      while (true) {
        ByteArrayOutputStream length = new ByteArrayOutputStream();
        int c;
        try {
          while ((c = in.readUnsignedByte()) != ' ') {
            length.write(c);
          }
        } catch (EOFException end) {
          return;
        }
        byte[] message = new byte[Integer.parseInt(length.toString(StandardCharsets.US_ASCII))];
        in.readFully(message);
        into.add(new String(message, StandardCharsets.UTF_8));
      }
    }

    /** The message of record {@code seq}, once it arrived. */
    String await(long seq) throws InterruptedException {
      String marker = "[yte@32473 seq=\"" + seq + "\"";
      long deadline = System.nanoTime() + 10_000_000_000L;
      while (System.nanoTime() < deadline) {
        for (String message : received) {
          if (message.contains(marker)) {
            return message;
          }
        }
        Thread.sleep(20);
      }
      throw new AssertionError("Record " + seq + " never reached the collector: " + received);
    }

    @Override
    public void close() throws IOException {
      server.close();
    }
  }
}
