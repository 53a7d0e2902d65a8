package vn.yte.iam.mfa.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * One keep-alive HTTP/1.1 connection with blocking I/O, for the load generator: a request is one
 * write and the answer is read on the same thread. The JDK's asynchronous client cost the machine
 * about as much CPU per request as the simulator and PostgreSQL together; in a hospital the callers
 * are on other machines, so the generator should take as little of this one as it can.
 */
final class KeepAliveConnection implements Closeable {
  private final URI uri;
  private Socket socket;
  private OutputStream out;
  private InputStream in;

  KeepAliveConnection(URI uri) throws IOException {
    this.uri = uri;
    connect();
  }

  /** A fresh connection, after a failure or when the server asked to close. */
  void reconnect() throws IOException {
    close();
    connect();
  }

  private void connect() throws IOException {
    socket = new Socket();
    socket.setTcpNoDelay(true);
    socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 5_000);
    socket.setSoTimeout(30_000);
    out = socket.getOutputStream();
    in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
  }

  /** POSTs a JSON body with the given extra header lines; returns the status, body discarded. */
  int post(String headers, String json) throws IOException {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    byte[] head =
        ("POST "
                + uri.getRawPath()
                + " HTTP/1.1\r\nHost: "
                + uri.getHost()
                + ':'
                + uri.getPort()
                + "\r\nContent-Type: application/json\r\nContent-Length: "
                + body.length
                + "\r\n"
                + headers
                + "\r\n")
            .getBytes(StandardCharsets.ISO_8859_1);
    byte[] request = new byte[head.length + body.length];
    System.arraycopy(head, 0, request, 0, head.length);
    System.arraycopy(body, 0, request, head.length, body.length);
    out.write(request);
    out.flush();
    return readResponse();
  }

  private int readResponse() throws IOException {
    String status = line();
    int code = Integer.parseInt(status.substring(9, 12));
    long length = -1;
    boolean chunked = false;
    boolean close = false;
    for (String h; !(h = line()).isEmpty(); ) {
      String name = h.substring(0, Math.max(0, h.indexOf(':'))).toLowerCase(Locale.ROOT);
      String value = h.substring(h.indexOf(':') + 1).trim();
      switch (name) {
        case "content-length" -> length = Long.parseLong(value);
        case "transfer-encoding" -> chunked = value.equalsIgnoreCase("chunked");
        case "connection" -> close = value.equalsIgnoreCase("close");
        default -> {}
      }
    }
    if (chunked) {
      for (long size; (size = Long.parseLong(line().split(";")[0].trim(), 16)) > 0; ) {
        skip(size);
        line();
      }
      line();
    } else if (length > 0) {
      skip(length);
    }
    if (close) {
      reconnect();
    }
    return code;
  }

  private String line() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
    for (int b; (b = in.read()) != '\n'; ) {
      if (b < 0) {
        throw new EOFException("connection closed");
      }
      if (b != '\r') {
        bytes.write(b);
      }
    }
    return bytes.toString(StandardCharsets.ISO_8859_1);
  }

  private void skip(long n) throws IOException {
    for (long left = n; left > 0; ) {
      long skipped = in.skip(left);
      if (skipped <= 0) {
        if (in.read() < 0) {
          throw new EOFException("connection closed");
        }
        skipped = 1;
      }
      left -= skipped;
    }
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
