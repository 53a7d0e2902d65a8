package vn.yte.iam.mfa.forward;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Forwarding of the trail to a SIEM as syslog (RFC 5424) over TLS (RFC 5425).
 *
 * @param host the collector; blank: no forwarding
 * @param port its TLS syslog port (6514 by RFC 5425)
 * @param truststore PKCS#12 file with the CA that signed the collector's certificate; blank: the
 *     JVM's default trust store
 * @param truststorePassword its password
 * @param hostname the HOSTNAME field: this instance's name as the SIEM should show it
 * @param interval pause between two forwarding runs
 * @param timeout connect and write timeout
 */
@ConfigurationProperties("yte.syslog")
public record SyslogProperties(
    String host,
    int port,
    String truststore,
    String truststorePassword,
    String hostname,
    Duration interval,
    Duration timeout) {}
