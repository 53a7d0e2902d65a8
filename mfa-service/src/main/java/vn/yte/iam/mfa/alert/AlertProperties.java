package vn.yte.iam.mfa.alert;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * SEC-2 alert thresholds and where alerts are sent.
 *
 * @param interval pause between two scans of the trail for new signals
 * @param window how far back failures are counted
 * @param bruteForceFailures failed logins of one account within the window that raise an alert
 * @param sprayAccounts distinct accounts failing from one address within the window that raise an
 *     alert (password spraying: few guesses each, many accounts)
 * @param webhookUrl where every alert is POSTed as JSON; blank: no webhook
 * @param webhookSecret HMAC-SHA256 key for the {@code X-YTe-Signature} header; blank: unsigned
 * @param webhookTimeout per delivery attempt
 */
@ConfigurationProperties("yte.alerts")
public record AlertProperties(
    Duration interval,
    Duration window,
    int bruteForceFailures,
    int sprayAccounts,
    String webhookUrl,
    String webhookSecret,
    Duration webhookTimeout) {}
