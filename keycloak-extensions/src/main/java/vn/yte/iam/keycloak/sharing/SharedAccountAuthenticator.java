package vn.yte.iam.keycloak.sharing;

import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.AuthenticatorUtil;
import org.keycloak.common.util.Time;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.AuthenticatorConfigModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserSessionModel;
import vn.yte.iam.keycloak.spi.UserStep;

/**
 * ACC-3: looks for signs of a shared account at each fresh login (not SSO-cookie ones) and applies
 * the realm's policy: {@code flag} (allow and record), {@code terminate} (end the sessions on other
 * workstations) or {@code deny}. Every detection is recorded on the login's own event (LOGIN, or
 * LOGIN_ERROR when denied) with details {@value #SIGNALS_DETAIL} and {@value #ACTION_DETAIL}, the
 * ended sessions listed there too; event listeners also get a USER_SESSION_DELETED per ended
 * session (Keycloak does not store that type); {@code yte-accounts/shared-account-signals} lists
 * them for administrators and auditors.
 */
final class SharedAccountAuthenticator extends UserStep {
  static final String HISTORY_KEY = "yte.loginHistory.";
  private static final String HISTORY_NOTE = "history";
  static final String SIGNALS_DETAIL = "yte_shared_account";
  static final String ACTION_DETAIL = "yte_shared_action";
  static final String OTHER_ADDRESSES_DETAIL = "yte_other_addresses";
  static final String TERMINATED_SESSIONS_DETAIL = "yte_terminated_sessions";
  static final String DENIED_MESSAGE = "yteSharedAccountDenied";
  static final String DENIED_DESCRIPTION =
      "Tài khoản đang được dùng ở máy khác; theo quy định, mỗi tài khoản chỉ một người dùng."
          + " / This account is in use on another workstation; one account is for one person.";

  private final boolean directGrant;

  SharedAccountAuthenticator(boolean directGrant) {
    this.directGrant = directGrant;
  }

  @Override
  public void authenticate(AuthenticationFlowContext context) {
    if (AuthenticatorUtil.isSSOAuthentication(context.getAuthenticationSession())) {
      context.success(); // nothing new: the session was checked when it was created
      return;
    }
    SharingPolicy policy = SharingPolicy.from(config(context));
    RealmModel realm = context.getRealm();
    UserModel user = context.getUser();
    String address = context.getConnection().getRemoteAddr();
    long now = Time.currentTime();
    String device =
        deviceKey(context.getHttpRequest().getHttpHeaders().getHeaderString("User-Agent"));
    List<UserSessionModel> live =
        context.getSession().sessions().getUserSessionsStream(realm, user).toList();
    LoginHistory history = recall(context, user);

    SharingSignals.Finding finding =
        new SharingSignals(policy.rules())
            .check(
                address,
                live.stream()
                    .map(s -> new SharingSignals.OtherSession(s.getId(), s.getIpAddress()))
                    .toList(),
                history,
                device,
                now);
    if (finding.any() && policy.action() == SharingPolicy.Action.DENY) {
      record(context.getEvent(), finding, policy);
      context.getEvent().user(user).error("yte_shared_account");
      // A challenge, not a failure: this is not a wrong password and must not lock the owner out.
      context.challenge(denied(context));
      return;
    }
    remember(
        context,
        user,
        history.plus(new LoginHistory.Entry(now, address, device), policy.rules().windowSeconds()),
        policy.rules().windowSeconds());
    if (finding.any()) {
      record(context.getEvent(), finding, policy);
      if (policy.action() == SharingPolicy.Action.TERMINATE) {
        terminate(context, live, finding, policy);
        context
            .getEvent()
            .detail(
                TERMINATED_SESSIONS_DETAIL,
                finding.elsewhere().stream()
                    .map(SharingSignals.OtherSession::id)
                    .collect(Collectors.joining(",")));
      }
    }
    context.success();
  }

  /**
   * The account's recent logins live in Keycloak's single-use store (shared by the cluster,
   * expiring with the window), not on the user: a write to the user on every login would make
   * Keycloak drop and reload the cached user each time, and a read-only directory user (LDAP/AD)
   * could not take it at all. A full restart of the cluster forgets the window, as it forgets live
   * sessions.
   */
  private static LoginHistory recall(AuthenticationFlowContext context, UserModel user) {
    Map<String, String> notes =
        context.getSession().singleUseObjects().get(historyKey(context, user));
    String stored = notes == null ? null : notes.get(HISTORY_NOTE);
    return LoginHistory.parse(stored == null ? List.of() : List.of(stored.split("\n")));
  }

  private static void remember(
      AuthenticationFlowContext context, UserModel user, LoginHistory history, long window) {
    context
        .getSession()
        .singleUseObjects()
        .put(
            historyKey(context, user),
            window,
            Map.of(HISTORY_NOTE, String.join("\n", history.format())));
  }

  private static String historyKey(AuthenticationFlowContext context, UserModel user) {
    return HISTORY_KEY + context.getRealm().getId() + "." + user.getId();
  }

  private static void terminate(
      AuthenticationFlowContext context,
      List<UserSessionModel> live,
      SharingSignals.Finding finding,
      SharingPolicy policy) {
    List<String> ids = finding.elsewhere().stream().map(SharingSignals.OtherSession::id).toList();
    for (UserSessionModel other : live) {
      if (!ids.contains(other.getId())) {
        continue;
      }
      EventBuilder ended =
          new EventBuilder(context.getRealm(), context.getSession(), context.getConnection())
              .event(EventType.USER_SESSION_DELETED)
              .user(context.getUser())
              .session(other.getId())
              .ipAddress(other.getIpAddress());
      record(ended, finding, policy);
      context.getSession().sessions().removeUserSession(context.getRealm(), other);
      ended.success();
    }
  }

  private static void record(
      EventBuilder event, SharingSignals.Finding finding, SharingPolicy policy) {
    event
        .detail(
            SIGNALS_DETAIL,
            finding.signals().stream().map(Enum::name).collect(Collectors.joining(",")))
        .detail(ACTION_DETAIL, policy.action().name().toLowerCase(Locale.ROOT));
    if (!finding.elsewhere().isEmpty()) {
      event.detail(
          OTHER_ADDRESSES_DETAIL,
          finding.elsewhere().stream()
              .map(SharingSignals.OtherSession::address)
              .distinct()
              .collect(Collectors.joining(",")));
    }
  }

  private Response denied(AuthenticationFlowContext context) {
    if (directGrant) {
      return invalidGrant(DENIED_DESCRIPTION);
    }
    return context.form().setError(DENIED_MESSAGE).createErrorPage(Response.Status.FORBIDDEN);
  }

  private static Map<String, String> config(AuthenticationFlowContext context) {
    AuthenticatorConfigModel config = context.getAuthenticatorConfig();
    return config == null ? Map.of() : config.getConfig();
  }

  /** A short, one-way key of the browser or client, so the history holds no user agent. */
  static String deviceKey(String userAgent) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256")
              .digest((userAgent == null ? "" : userAgent).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 6);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
