package vn.yte.iam.testsupport;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A local SMTP server that accepts every message and keeps it, so tests can read what Keycloak
 * mailed. Plain SMTP without TLS or authentication, on 127.0.0.1 only.
 */
public final class SmtpSink implements AutoCloseable {
  private final ServerSocket server;
  private final List<Message> messages = new CopyOnWriteArrayList<>();
  private final Thread acceptor;

  private SmtpSink(ServerSocket server) {
    this.server = server;
    this.acceptor = new Thread(this::acceptLoop, "smtp-sink");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  public static SmtpSink start() {
    try {
      return new SmtpSink(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()));
    } catch (IOException e) {
      throw new IllegalStateException("Cannot open SMTP sink", e);
    }
  }

  public int port() {
    return server.getLocalPort();
  }

  public List<Message> messages() {
    return List.copyOf(messages);
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      try (Socket socket = server.accept()) {
        converse(socket);
      } catch (IOException e) {
        // closed, or a client hung up mid-conversation: keep serving the next one
      }
    }
  }

  private void converse(Socket socket) throws IOException {
    BufferedReader in =
        new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
    OutputStream out = socket.getOutputStream();
    reply(out, "220 smtp-sink ready");
    List<String> recipients = new ArrayList<>();
    String line;
    while ((line = in.readLine()) != null) {
      String command = line.length() >= 4 ? line.substring(0, 4).toUpperCase() : line.toUpperCase();
      switch (command) {
        case "EHLO", "HELO" -> reply(out, "250 smtp-sink");
        case "RCPT" -> {
          recipients.add(line.replaceAll("(?i)^RCPT TO:\\s*<?([^>]*)>?.*$", "$1"));
          reply(out, "250 OK");
        }
        case "DATA" -> {
          reply(out, "354 End data with <CR><LF>.<CR><LF>");
          StringBuilder data = new StringBuilder();
          String d;
          while ((d = in.readLine()) != null && !d.equals(".")) {
            data.append(d.startsWith("..") ? d.substring(1) : d).append('\n');
          }
          messages.add(new Message(List.copyOf(recipients), data.toString()));
          recipients.clear();
          reply(out, "250 OK queued");
        }
        case "QUIT" -> {
          reply(out, "221 Bye");
          return;
        }
        default -> reply(out, "250 OK");
      }
    }
  }

  private static void reply(OutputStream out, String line) throws IOException {
    out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }

  @Override
  public void close() {
    try {
      server.close();
    } catch (IOException e) {
      // nothing left to release
    }
  }

  /** One received message: envelope recipients and the raw content with headers. */
  public record Message(List<String> recipients, String raw) {}
}
