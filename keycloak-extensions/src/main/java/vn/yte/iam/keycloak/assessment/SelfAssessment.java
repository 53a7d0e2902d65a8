package vn.yte.iam.keycloak.assessment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.yte.iam.keycloak.assessment.Finding.Note;
import vn.yte.iam.keycloak.assessment.Finding.Status;

/**
 * SEC-6: how one realm stands against each requirement that lives in Keycloak (PW-*, MFA-*, ACC-*,
 * LOG-1, LOG-4, SEC-1..3, SEC-5), judged from its live settings and accounts. mfa-service adds the
 * requirements it holds itself (lookups, trail, alerts, backup).
 */
public final class SelfAssessment {
  static final int MAX_ROTATION_DAYS = 180;
  static final int MIN_LENGTH = 8;
  static final long MIN_EVENT_DAYS = 7;
  static final int MAX_LISTED = 10;
  static final Set<String> STANDARD_PROTOCOLS = Set.of("openid-connect", "saml");
  static final List<Set<String>> TRAIL_EVENTS =
      List.of(
          Set.of("LOGIN"),
          Set.of("LOGIN_ERROR"),
          Set.of("LOGOUT"),
          Set.of("CODE_TO_TOKEN"),
          Set.of("UPDATE_PASSWORD", "UPDATE_CREDENTIAL"),
          Set.of("UPDATE_TOTP", "UPDATE_CREDENTIAL"),
          Set.of("REMOVE_TOTP", "REMOVE_CREDENTIAL"));

  private SelfAssessment() {}

  public static List<Finding> assess(RealmFacts realm) {
    return List.of(
        pw1(realm.passwordPolicy()),
        pw2(realm.passwordPolicy()),
        pw3(realm.passwordPolicy()),
        pw4(realm),
        mfa1(realm),
        mfa2(realm),
        mfa3(realm),
        acc1(realm),
        acc2(realm),
        acc3(realm),
        acc4(realm),
        log1(realm),
        log4(realm),
        sec1(realm),
        sec2(realm),
        sec3(realm),
        sec5(realm));
  }

  static Finding pw1(Map<String, String> policy) {
    Check check = new Check("PW-1");
    int composition = number(policy.get("yte-password-composition"), MIN_LENGTH);
    boolean stock =
        // Keycloak's defaults for an entry without a value: length 8, one of each class.
        number(policy.get("length"), MIN_LENGTH) >= MIN_LENGTH
            && List.of("upperCase", "lowerCase", "digits", "specialChars").stream()
                .allMatch(t -> number(policy.get(t), 1) >= 1);
    if (composition >= MIN_LENGTH) {
      check.ok(
          "Mật khẩu ≥ " + composition + " ký tự, có chữ hoa, chữ thường, chữ số và ký tự đặc biệt",
          "Passwords of ≥ " + composition + " characters with upper, lower, digit and special");
    } else if (stock) {
      check.ok(
          "Chính sách gốc của Keycloak: độ dài ≥ 8, chữ hoa, chữ thường, chữ số, ký tự đặc biệt",
          "Keycloak's stock entries: length ≥ 8, upper, lower, digit, special");
    } else {
      check.gap(
          "Chính sách mật khẩu không buộc đủ 8 ký tự với chữ hoa, chữ thường, chữ số và ký tự đặc"
              + " biệt",
          "The password policy does not demand 8 characters with upper, lower, digit and special");
    }
    return check.finding();
  }

  static Finding pw2(Map<String, String> policy) {
    Check check = new Check("PW-2");
    if (policy.containsKey("yte-password-blocklist")) {
      check.ok(
          "Chặn mật khẩu đơn giản, mặc định (danh sách: "
              + policy.get("yte-password-blocklist")
              + ")",
          "Simple and default passwords refused (lists: "
              + policy.get("yte-password-blocklist")
              + ")");
    } else if (policy.containsKey("passwordBlacklist")) {
      check.partial(
          "Chỉ có danh sách cấm gốc của Keycloak: không bắt được biến thể (Abc@123, P@ssw0rd)",
          "Only Keycloak's stock blacklist: variants (Abc@123, P@ssw0rd) pass");
    } else {
      check.gap(
          "Không chặn mật khẩu đơn giản hay mặc định", "Simple and default passwords not refused");
    }
    if (policy.containsKey("yte-password-not-personal")) {
      check.ok(
          "Chặn mật khẩu chứa tên đăng nhập, họ tên, số CCCD, ngày sinh, số điện thoại",
          "Passwords containing username, name, citizen ID, birth date or phone refused");
    } else if (policy.containsKey("notUsername")) {
      check.partial(
          "Chỉ chặn mật khẩu trùng hệt tên đăng nhập (notUsername)",
          "Only a password equal to the username is refused (notUsername)");
    } else {
      check.gap(
          "Không chặn mật khẩu dựng từ thông tin cá nhân",
          "Passwords built from personal data not refused");
    }
    return check.finding();
  }

  static Finding pw3(Map<String, String> policy) {
    Check check = new Check("PW-3");
    if (policy.containsKey("yte-password-issued-only")) {
      check.ok(
          "Quản trị viên chỉ cấp được mật khẩu ngẫu nhiên, dùng một lần, phải đổi khi đăng nhập"
              + " lần đầu",
          "Administrators can only issue random single-use passwords, changed at first login");
    } else {
      check.gap(
          "Quản trị viên tự đặt được mật khẩu cho người khác (thiếu yte-password-issued-only)",
          "Administrators can type passwords for others (yte-password-issued-only missing)");
    }
    return check.finding();
  }

  static Finding pw4(RealmFacts realm) {
    Check check = new Check("PW-4");
    rotation(check, realm.passwordPolicy());
    requireInFlows(
        check,
        realm,
        "yte-password-expiry",
        "yte-password-expiry-direct-grant",
        "kiểm tra hết hạn cả khi đăng nhập bằng phiên SSO",
        "expiry checked on SSO-cookie logins too",
        false);
    return check.finding();
  }

  /** PW-4 as far as the password policy holds it: expiry, warning, no reuse. */
  private static void rotation(Check check, Map<String, String> policy) {
    int days = number(policy.get("forceExpiredPasswordChange"), 0);
    if (days > 0 && days <= MAX_ROTATION_DAYS) {
      check.ok(
          "Mật khẩu hết hạn sau " + days + " ngày", "Passwords expire after " + days + " days");
    } else {
      check.gap(
          "Mật khẩu không hết hạn trong 180 ngày (forceExpiredPasswordChange)",
          "Passwords do not expire within 180 days (forceExpiredPasswordChange)");
    }
    if (policy.containsKey("yte-password-expiry-warning")) {
      check.ok(
          "Cảnh báo trước khi hết hạn: " + policy.get("yte-password-expiry-warning") + " ngày",
          "Warned before expiry: " + policy.get("yte-password-expiry-warning") + " days");
    } else {
      check.gap("Không cảnh báo trước khi hết hạn", "No warning before expiry");
    }
    if (number(policy.get("passwordHistory"), 0) >= 1
        || policy.containsKey("yte-password-history-similar")) {
      check.ok("Không dùng lại mật khẩu gần đây", "Recent passwords cannot be reused");
    } else {
      check.gap("Cho dùng lại mật khẩu cũ", "Old passwords can be reused");
    }
  }

  static Finding mfa1(RealmFacts realm) {
    Check check = new Check("MFA-1");
    otpOnEveryLogin(check, realm.browserFlow(), realm.clientBrowserFlows(), Binding.BROWSER);
    if (realm.directGrantClients().isEmpty()) {
      check.ok(
          "Không ứng dụng nào dùng đăng nhập bằng mật khẩu trực tiếp (direct grant)",
          "No client uses the password (direct) grant");
    } else {
      otpOnEveryLogin(
          check, realm.directGrantFlow(), realm.clientDirectGrantFlows(), Binding.DIRECT_GRANT);
    }
    if (!realm.enabledRequiredActions().contains("CONFIGURE_TOTP")) {
      check.gap(
          "Tác vụ đăng ký ứng dụng xác thực (CONFIGURE_TOTP) bị tắt",
          "The authenticator enrolment action (CONFIGURE_TOTP) is disabled");
    }
    if (OtpFlows.brokers(realm.browserFlow()) && !realm.identityProviders().isEmpty()) {
      String providers =
          String.join(
              ", ",
              realm.identityProviders().stream().map(RealmFacts.IdentityProvider::alias).toList());
      check.partial(
          "Đăng nhập qua nhà cung cấp định danh khác (" + providers + ") dựa vào MFA của họ",
          "Logins brokered from " + providers + " rely on that provider's MFA");
    }
    RealmFacts.Accounts accounts = realm.accounts();
    check.ok(
        accounts.withoutOtp()
            + " / "
            + accounts.enabled()
            + " tài khoản chưa đăng ký ứng dụng xác thực; họ phải đăng ký ở lần đăng nhập tới",
        accounts.withoutOtp()
            + " of "
            + accounts.enabled()
            + " accounts have no authenticator yet; they must enrol at their next sign-in");
    return check.finding();
  }

  static Finding mfa2(RealmFacts realm) {
    Check check = new Check("MFA-2");
    Set<Integer> withOtp = OtpFlows.levelsWithOtp(realm.browserFlow());
    List<String> mfaAcrs =
        realm.loaLevels().entrySet().stream()
            .filter(e -> withOtp.contains(e.getValue()))
            .map(e -> e.getKey() + "=" + e.getValue())
            .toList();
    if (mfaAcrs.isEmpty()) {
      check.gap(
          "Token không cho biết đã qua MFA: không có mức xác thực (acr) nào gắn với mã OTP",
          "Tokens cannot show MFA: no level of authentication (acr) is tied to a one-time code");
    } else {
      check.ok(
          "Token mang acr của mức có mã OTP: " + String.join(", ", mfaAcrs),
          "Tokens carry the acr of levels with a one-time code: " + String.join(", ", mfaAcrs));
    }
    return check.finding();
  }

  static Finding mfa3(RealmFacts realm) {
    Check check = new Check("MFA-3");
    if (realm.otpCodeReusable()) {
      check.gap("Mã OTP dùng lại được", "One-time codes can be replayed");
    } else {
      check.ok("Mã OTP không dùng lại được", "One-time codes cannot be replayed");
    }
    if (realm.bruteForceProtected()) {
      check.ok(
          "Khoá sau " + realm.failureFactor() + " lần sai",
          "Locked after " + realm.failureFactor() + " failures");
    } else {
      check.gap("Không khoá khi đoán mã", "Guessing is not locked out");
    }
    if (storesAll(realm, TRAIL_EVENTS.subList(5, 7))) {
      check.ok(
          "Lưu sự kiện đăng ký và gỡ ứng dụng xác thực",
          "Authenticator enrolment and removal kept");
    } else {
      check.gap(
          "Không lưu sự kiện đăng ký và gỡ ứng dụng xác thực",
          "Authenticator enrolment and removal not kept");
    }
    return check.finding();
  }

  static Finding acc1(RealmFacts realm) {
    Check check = new Check("ACC-1");
    if (citizenIdValidated(realm)) {
      check.ok(
          "Hồ sơ người dùng kiểm tra số CCCD (12 chữ số) và không trùng",
          "The user profile checks the citizen ID (12 digits) and its uniqueness");
    } else {
      check.gap(
          "Hồ sơ người dùng không kiểm tra số CCCD hay tính duy nhất",
          "The user profile does not check citizen IDs or their uniqueness");
    }
    requireInFlows(
        check,
        realm,
        "yte-citizen-id",
        "yte-citizen-id-direct-grant",
        "từ chối đăng nhập tài khoản thiếu hoặc trùng CCCD",
        "logins refused for accounts without or with a shared citizen ID",
        true);
    int missing = realm.accounts().withoutCitizenId();
    check.ok(
        missing + " tài khoản chưa có số CCCD (không đăng nhập được cho tới khi bổ sung)",
        missing + " accounts have no citizen ID (they cannot sign in until it is added)");
    noSharedCitizenIds(check, realm);
    return check.finding();
  }

  private static boolean citizenIdValidated(RealmFacts realm) {
    return realm.validators().values().stream()
        .anyMatch(v -> v.contains("yte-cccd") && v.contains("yte-unique-attribute"));
  }

  /**
   * ACC-1 and SEC-5 on the accounts themselves: imports and directory synchronisation bypass the
   * user profile's uniqueness check. Partial, not a gap: the login step refuses these accounts.
   */
  private static void noSharedCitizenIds(Check check, RealmFacts realm) {
    int shared = realm.accounts().sharedCitizenIds();
    if (shared == 0) {
      check.ok(
          "Không có số CCCD nào dùng chung cho nhiều tài khoản đang bật",
          "No citizen ID is shared by enabled accounts");
    } else {
      check.partial(
          shared
              + " số CCCD đang dùng chung cho nhiều tài khoản đang bật (danh sách:"
              + " yte-accounts/duplicate-citizen-ids)",
          shared
              + " citizen IDs shared by enabled accounts (listed by"
              + " yte-accounts/duplicate-citizen-ids)");
    }
  }

  static Finding acc2(RealmFacts realm) {
    Check check = new Check("ACC-2");
    if (realm.validators().getOrDefault("username", Set.of()).contains("yte-person-username")) {
      check.ok(
          "Không tạo được tài khoản tên chung (admin, khoanoi, letan01...)",
          "Generic account names (admin, khoanoi, letan01...) cannot be created");
    } else {
      check.gap(
          "Vẫn tạo được tài khoản tên chung (thiếu yte-person-username)",
          "Generic account names can be created (yte-person-username missing)");
    }
    List<String> generic = realm.accounts().generic();
    if (!generic.isEmpty()) {
      check.gap(
          generic.size() + " tài khoản tên chung đang bật: " + listed(generic),
          generic.size() + " enabled generic accounts: " + listed(generic));
    }
    return check.finding();
  }

  static Finding acc3(RealmFacts realm) {
    Check check = new Check("ACC-3");
    requireInFlows(
        check,
        realm,
        "yte-shared-account",
        "yte-shared-account-direct-grant",
        "phát hiện dấu hiệu dùng chung tài khoản",
        "shared-account signals detected",
        true);
    return check.finding();
  }

  static Finding acc4(RealmFacts realm) {
    Check check = new Check("ACC-4");
    requireInFlows(
        check,
        realm,
        "yte-account-end-date",
        "yte-account-end-date-direct-grant",
        "tài khoản nhà thầu bị chặn sau ngày hết hạn",
        "contractor accounts refused after their end date",
        true);
    int past = realm.accounts().pastEndDate();
    if (past > 0) {
      check.partial(
          past + " tài khoản đã quá ngày hết hạn mà chưa bị vô hiệu hoá",
          past + " accounts past their end date are still enabled");
    }
    return check.finding();
  }

  static Finding log1(RealmFacts realm) {
    Check check = new Check("LOG-1");
    if (!realm.eventsEnabled()) {
      check.gap("Keycloak không lưu sự kiện đăng nhập", "Keycloak stores no login events");
      return check.finding();
    }
    if (storesAll(realm, TRAIL_EVENTS)) {
      check.ok(
          "Lưu đăng nhập (thành công, thất bại), đăng xuất, cấp token cho hệ thống, đổi mật khẩu,"
              + " MFA",
          "Logins (success, failure), logouts, tokens to systems, password and MFA changes kept");
    } else {
      check.gap(
          "Một số loại sự kiện cần cho nhật ký không được lưu",
          "Some event types the trail needs are not stored");
    }
    long expiry = realm.eventsExpirationSeconds();
    if (expiry > 0 && expiry < MIN_EVENT_DAYS * 86_400) {
      check.partial(
          "Sự kiện chỉ giữ " + expiry / 3600 + " giờ: mfa-service phải kéo về kịp",
          "Events kept only " + expiry / 3600 + " hours: mfa-service must pull them in time");
    } else {
      String days = expiry == 0 ? "∞" : String.valueOf(expiry / 86_400);
      check.ok(
          "Sự kiện giữ " + days + " ngày trong Keycloak",
          "Events kept " + days + " days in Keycloak");
    }
    return check.finding();
  }

  static Finding log4(RealmFacts realm) {
    Check check = new Check("LOG-4");
    if (realm.adminEventsEnabled() && realm.adminEventsDetailsEnabled()) {
      check.ok(
          "Lưu thao tác quản trị kèm nội dung thay đổi",
          "Administrative actions kept with what changed");
    } else if (realm.adminEventsEnabled()) {
      check.partial(
          "Lưu thao tác quản trị nhưng không lưu nội dung thay đổi",
          "Administrative actions kept without what changed");
    } else {
      check.gap("Không lưu thao tác quản trị", "Administrative actions not kept");
    }
    return check.finding();
  }

  static Finding sec1(RealmFacts realm) {
    Check check = new Check("SEC-1");
    switch (realm.sslRequired() == null ? "" : realm.sslRequired().toLowerCase()) {
      case "all" -> check.ok("Mọi truy cập phải dùng TLS", "TLS required for every access");
      case "external" ->
          check.partial(
              "TLS bắt buộc trừ từ mạng nội bộ: chỉ an toàn khi người dùng chỉ tới được Keycloak"
                  + " qua proxy TLS (như docker/compose.yaml)",
              "TLS required except from private networks: safe only when users reach Keycloak"
                  + " through a TLS proxy alone (as in docker/compose.yaml)");
      default -> check.gap("Không bắt buộc TLS", "TLS not required");
    }
    return check.finding();
  }

  static Finding sec2(RealmFacts realm) {
    Check check = new Check("SEC-2");
    if (realm.bruteForceProtected()) {
      check.ok(
          "Phát hiện dò mật khẩu: khoá sau " + realm.failureFactor() + " lần sai",
          "Brute force detected: locked after " + realm.failureFactor() + " failures");
    } else {
      check.gap("Không phát hiện dò mật khẩu", "Brute force not detected");
    }
    return check.finding();
  }

  static Finding sec3(RealmFacts realm) {
    Check check = new Check("SEC-3");
    boolean realmAdmins =
        OtpFlows.guaranteesOtp(realm.browserFlow())
            && (realm.directGrantClients().isEmpty()
                || OtpFlows.guaranteesOtp(realm.directGrantFlow()));
    if (realmAdmins) {
      check.ok(
          "Quản trị viên của đơn vị đăng nhập bằng MFA",
          "The unit's administrators sign in with MFA");
    } else {
      check.gap(
          "Quản trị viên của đơn vị đăng nhập được không cần MFA",
          "The unit's administrators can sign in without MFA");
    }
    if (OtpFlows.guaranteesOtp(realm.adminBrowserFlow())
        && OtpFlows.guaranteesOtp(realm.adminDirectGrantFlow())) {
      check.ok(
          "Quản trị viên máy chủ (realm master) đăng nhập bằng MFA",
          "Server administrators (realm master) sign in with MFA");
    } else {
      check.gap(
          "Quản trị viên máy chủ (realm master) đăng nhập được chỉ bằng mật khẩu",
          "Server administrators (realm master) can sign in with a password alone");
    }
    adminPasswords(check, realm.adminPasswordPolicy());
    return check.finding();
  }

  /**
   * SEC-3 and PW-1..4 for the server's administrators, who administer every realm: master's own
   * password policy. Partial, not a gap, where master demands a code as well.
   */
  private static void adminPasswords(Check check, Map<String, String> policy) {
    if (policy == null) {
      return;
    }
    Check rotation = new Check("PW-4");
    rotation(rotation, policy);
    List<Note> gaps =
        List.of(pw1(policy), pw2(policy), pw3(policy), rotation.finding()).stream()
            .flatMap(f -> f.notes().stream())
            .filter(n -> !n.ok())
            .toList();
    if (gaps.isEmpty()) {
      check.ok(
          "Mật khẩu quản trị viên máy chủ (realm master) theo PW-1..4",
          "Server administrators' passwords (realm master) follow PW-1..4");
    }
    for (Note gap : gaps) {
      check.partial("Realm master (quản trị máy chủ): " + gap.vi(), "Realm master: " + gap.en());
    }
  }

  static Finding sec5(RealmFacts realm) {
    Check check = new Check("SEC-5");
    Map<String, Integer> protocols = realm.clientProtocols();
    String counts =
        String.join(
            ", ", protocols.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).toList());
    List<String> other =
        protocols.keySet().stream().filter(p -> !STANDARD_PROTOCOLS.contains(p)).toList();
    if (other.isEmpty()) {
      check.ok(
          "Ứng dụng kết nối qua giao thức chuẩn (OIDC, SAML): " + counts,
          "Applications connect over standard protocols (OIDC, SAML): " + counts);
    } else {
      check.partial(
          "Có ứng dụng dùng giao thức khác OIDC, SAML: " + listed(other),
          "Applications on protocols other than OIDC or SAML: " + listed(other));
    }
    directories(check, realm);
    identityProviders(check, realm);
    if (citizenIdValidated(realm)) {
      check.ok(
          "Mỗi người một danh tính: số CCCD được kiểm tra và không được trùng",
          "One identity per person: citizen IDs are checked and must be unique");
    } else {
      check.gap(
          "Không ràng buộc mỗi người một danh tính: hồ sơ người dùng không kiểm tra số CCCD trùng",
          "One identity per person not enforced: the user profile does not refuse shared citizen"
              + " IDs");
    }
    noSharedCitizenIds(check, realm);
    return check.finding();
  }

  /** SEC-5: the directories the realm federates, as {@link DirectoryProbe} found them. */
  private static void directories(Check check, RealmFacts realm) {
    if (realm.directories().isEmpty()) {
      check.ok(
          "Không liên kết thư mục LDAP/AD: Keycloak giữ tài khoản; đơn vị đã có AD/LDAP thì cần"
              + " liên kết để nhân viên không có thêm tài khoản thứ hai",
          "No LDAP/AD directory federated: Keycloak holds the accounts; a unit that already runs"
              + " AD/LDAP should federate it so staff do not get a second account");
      return;
    }
    for (RealmFacts.Directory directory : realm.directories()) {
      String name = named(directory.name(), directory.connectionUrl(), directory.provider());
      switch (directory.probe()) {
        case CONNECTED ->
            check.ok(
                "Thư mục "
                    + name
                    + " trả lời khi kiểm tra (kết nối và xác thực tài khoản liên kết)",
                "Directory " + name + " answered when checked (connected and bound)");
        case FAILED ->
            check.gap(
                "Thư mục "
                    + name
                    + " lỗi khi kiểm tra: nhân viên từ thư mục này không đăng nhập được ("
                    + directory.error()
                    + ")",
                "Directory "
                    + name
                    + " failed: its staff cannot sign in ("
                    + directory.error()
                    + ")");
        case DISABLED ->
            check.partial(
                "Thư mục " + name + " đang tắt: nhân viên từ thư mục này không đăng nhập được",
                "Directory " + name + " is disabled: its staff cannot sign in");
        case NOT_TESTED ->
            check.ok(
                "Thư mục " + name + " được liên kết (Keycloak không tự thử được loại này)",
                "Directory " + name + " federated (Keycloak cannot try this kind itself)");
      }
    }
    int federated = realm.accounts().federated();
    check.ok(
        federated + " tài khoản đang bật lấy từ thư mục",
        federated + " enabled accounts come from a directory");
  }

  /** An existing identity system as notes name it: by its address, or else by its kind. */
  private static String named(String name, String url, String kind) {
    return name + " (" + (url == null ? kind : url) + ")";
  }

  /**
   * SEC-5: the identity providers logins are brokered from, as {@link IdentityProviderProbe} found
   * them.
   */
  private static void identityProviders(Check check, RealmFacts realm) {
    for (RealmFacts.IdentityProvider provider : realm.identityProviders()) {
      String name = named(provider.alias(), provider.url(), provider.provider());
      switch (provider.probe()) {
        case CONNECTED ->
            check.ok(
                "Đăng nhập liên kết từ hệ thống định danh sẵn có "
                    + name
                    + ", trả lời khi kiểm tra",
                "Logins brokered from the existing identity system "
                    + name
                    + ", which answered when checked");
        case FAILED ->
            check.gap(
                "Hệ thống định danh "
                    + name
                    + " lỗi khi kiểm tra: nhân viên đăng nhập qua hệ thống này không đăng nhập được ("
                    + provider.error()
                    + ")",
                "Identity provider "
                    + name
                    + " failed: staff who sign in through it cannot sign in ("
                    + provider.error()
                    + ")");
        case DISABLED, NOT_TESTED ->
            check.ok(
                "Đăng nhập liên kết từ hệ thống định danh sẵn có "
                    + name
                    + " (Keycloak không tự thử được loại này)",
                "Logins brokered from the existing identity system "
                    + name
                    + " (Keycloak cannot try this kind itself)");
      }
    }
  }

  private static void otpOnEveryLogin(
      Check check, FlowStep realmFlow, Map<String, FlowStep> overrides, Binding binding) {
    withOverrides(realmFlow, overrides)
        .forEach(
            (client, flow) -> {
              Place where = binding.place(client, flow);
              if (OtpFlows.guaranteesOtp(flow)) {
                check.ok(
                    "Mọi đăng nhập qua " + where.vi() + " phải nhập mã OTP",
                    "OTP on every " + where.en());
              } else {
                check.gap(
                    "Đăng nhập qua " + where.vi() + " không bắt buộc mã OTP",
                    "OTP not required on " + where.en());
              }
            });
  }

  /**
   * The step in the realm's browser flow and client overrides, and its direct-grant twin in the
   * direct-grant flows where any client uses that grant. A missing step is a gap, or only a partial
   * one when {@code essential} is false.
   */
  private static void requireInFlows(
      Check check,
      RealmFacts realm,
      String browserStep,
      String directGrantStep,
      String vi,
      String en,
      boolean essential) {
    List<Place> missing = new ArrayList<>();
    addMissing(
        missing,
        withOverrides(realm.browserFlow(), realm.clientBrowserFlows()),
        Binding.BROWSER,
        browserStep);
    if (!realm.directGrantClients().isEmpty()) {
      addMissing(
          missing,
          withOverrides(realm.directGrantFlow(), realm.clientDirectGrantFlows()),
          Binding.DIRECT_GRANT,
          directGrantStep);
    }
    if (missing.isEmpty()) {
      check.ok("Luồng đăng nhập: " + vi, "Login flows: " + en);
    } else {
      String gapVi = "Thiếu ở " + String.join("; ", missing.stream().map(Place::vi).toList());
      String gapEn = "Missing in " + String.join("; ", missing.stream().map(Place::en).toList());
      if (essential) {
        check.gap(gapVi, gapEn);
      } else {
        check.partial(gapVi, gapEn);
      }
    }
  }

  /** The realm's flow of a binding under the key "", then the flows clients bind instead. */
  private static Map<String, FlowStep> withOverrides(
      FlowStep realmFlow, Map<String, FlowStep> overrides) {
    Map<String, FlowStep> flows = new LinkedHashMap<>();
    flows.put("", realmFlow);
    flows.putAll(overrides);
    return flows;
  }

  /** Adds each of {@code flows} in which {@code step} does not run on every login. */
  private static void addMissing(
      List<Place> missing, Map<String, FlowStep> flows, Binding binding, String step) {
    flows.forEach(
        (client, flow) -> {
          if (flow == null || !flow.requires(step)) {
            missing.add(binding.place(client, flow).step(step));
          }
        });
  }

  /** The two ways staff sign in that flows are bound to. */
  private enum Binding {
    BROWSER("luồng trình duyệt", "browser flow"),
    DIRECT_GRANT("luồng cấp token bằng mật khẩu (direct grant)", "direct grant flow");

    private final String vi;
    private final String en;

    Binding(String vi, String en) {
      this.vi = vi;
      this.en = en;
    }

    /** The realm's flow of this binding, or a client's own ({@code client} not empty). */
    Place place(String client, FlowStep flow) {
      String name = flow == null ? "-" : flow.alias();
      return client.isEmpty()
          ? new Place(vi + " " + name, en + " " + name)
          : new Place(
              vi + " " + name + " của ứng dụng " + client,
              en + " " + name + " of client " + client);
    }
  }

  /** Where a check looked, in both languages. */
  private record Place(String vi, String en) {
    Place step(String step) {
      return new Place(vi + " (" + step + ")", en + " (" + step + ")");
    }
  }

  private static boolean storesAll(RealmFacts realm, List<Set<String>> needed) {
    if (!realm.eventsEnabled()) {
      return false;
    }
    Set<String> types = realm.enabledEventTypes();
    return types.isEmpty()
        || needed.stream().allMatch(any -> any.stream().anyMatch(types::contains));
  }

  private static String listed(List<String> names) {
    return String.join(", ", names.subList(0, Math.min(MAX_LISTED, names.size())))
        + (names.size() > MAX_LISTED ? ", ..." : "");
  }

  /**
   * A policy entry's number: {@code whenEmpty} for an entry present without a value, -1 for an
   * absent or unreadable one.
   */
  private static int number(String value, int whenEmpty) {
    if (value == null) {
      return -1;
    }
    if (value.isBlank()) {
      return whenEmpty;
    }
    try {
      return Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /** Collects the notes of one requirement; any gap makes it not met, any partial note partial. */
  private static final class Check {
    private final String requirement;
    private final List<Note> notes = new ArrayList<>();
    private Status status = Status.MET;

    Check(String requirement) {
      this.requirement = requirement;
    }

    void ok(String vi, String en) {
      notes.add(new Note(true, vi, en));
    }

    void partial(String vi, String en) {
      notes.add(new Note(false, vi, en));
      if (status == Status.MET) {
        status = Status.PARTIAL;
      }
    }

    void gap(String vi, String en) {
      notes.add(new Note(false, vi, en));
      status = Status.NOT_MET;
    }

    Finding finding() {
      return new Finding(requirement, status, notes);
    }
  }
}
