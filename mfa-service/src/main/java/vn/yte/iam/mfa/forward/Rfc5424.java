package vn.yte.iam.mfa.forward;

import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import vn.yte.iam.mfa.audit.AuditEvent;
import vn.yte.iam.mfa.audit.AuditRecord;

/**
 * One audit record as an RFC 5424 syslog message, and its RFC 5425 (TLS) frame. Facility authpriv
 * (10): the trail is about authentication and personal-data access. Errors, denials and alerts are
 * warnings, the rest notices. The structured data carries the chain position and hash, so a SIEM
 * can order, de-duplicate and cross-check what it received. {@code 32473} is the private enterprise
 * number RFC 5612 reserves for examples; an operator with its own number changes {@link #SD_ID}.
 */
public final class Rfc5424 {
  static final String SD_ID = "yte@32473";
  static final String APP_NAME = "yte-mfa-service";
  private static final int AUTHPRIV = 10;
  private static final int WARNING = 4;
  private static final int NOTICE = 5;
  // RFC 5424 section 6: the longest HOSTNAME and MSGID a receiver must accept.
  private static final int HOSTNAME_MAX = 255;
  private static final int MSGID_MAX = 32;
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSXXX").withZone(ZoneOffset.UTC);

  private Rfc5424() {}

  public static String format(AuditRecord r, String hostname) {
    AuditEvent e = r.event();
    StringBuilder out = new StringBuilder(512);
    out.append('<').append(AUTHPRIV * 8 + severity(e)).append(">1 ");
    out.append(TIME.format(r.recordedAt())).append(' ');
    out.append(header(hostname, HOSTNAME_MAX)).append(' ').append(APP_NAME).append(" - ");
    out.append(header(e.type(), MSGID_MAX)).append(' ');
    out.append('[').append(SD_ID);
    param(out, "seq", Long.toString(r.seq()));
    param(out, "hash", r.entryHash());
    param(out, "type", e.type()); // whole, where MSGID may be cut
    param(out, "outcome", e.outcome());
    param(out, "user", e.actorUsername());
    param(out, "sub", e.actorSubject());
    param(out, "sid", e.sessionId());
    param(out, "client", e.clientId());
    param(out, "src", e.sourceIp());
    param(out, "workstation", e.workstation());
    param(out, "citizenRef", e.citizenRef());
    param(out, "purpose", e.purpose());
    out.append(']');
    if (e.detail() != null && !e.detail().isEmpty()) {
      // BOM: the message is UTF-8 (RFC 5424 section 6.4)
      out.append(" \uFEFF").append(e.detail());
    }
    return out.toString();
  }

  /** RFC 5425 octet-counting: the message's length in bytes, a space, the message. */
  public static byte[] frame(String message) {
    byte[] body = message.getBytes(StandardCharsets.UTF_8);
    byte[] prefix = (body.length + " ").getBytes(StandardCharsets.US_ASCII);
    byte[] framed = new byte[prefix.length + body.length];
    System.arraycopy(prefix, 0, framed, 0, prefix.length);
    System.arraycopy(body, 0, framed, prefix.length, body.length);
    return framed;
  }

  static int severity(AuditEvent e) {
    String outcome = e.outcome() == null ? "" : e.outcome();
    boolean bad =
        e.type().equals("SECURITY_ALERT")
            || outcome.equals("ERROR")
            || outcome.equals("DENIED")
            || outcome.equals("RATE_LIMITED")
            || outcome.equals("UPSTREAM_ERROR");
    return bad ? WARNING : NOTICE;
  }

  /** Header fields: printable US-ASCII without spaces, at most {@code max}; "-" when empty. */
  private static String header(String value, int max) {
    if (value == null || value.isEmpty()) {
      return "-";
    }
    StringBuilder s = new StringBuilder();
    for (char c : value.toCharArray()) {
      if (s.length() == max) {
        break;
      }
      s.append(c > 32 && c < 127 ? c : '_');
    }
    return s.toString();
  }

  /** An SD-PARAM, omitted when null; '"', '\' and ']' escaped as RFC 5424 section 6.3.3 says. */
  private static void param(StringBuilder out, String name, String value) {
    if (value == null) {
      return;
    }
    out.append(' ').append(name).append("=\"");
    for (char c : value.toCharArray()) {
      if (c == '"' || c == '\\' || c == ']') {
        out.append('\\');
      }
      out.append(c);
    }
    out.append('"');
  }
}
