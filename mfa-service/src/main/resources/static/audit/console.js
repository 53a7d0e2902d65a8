// Auditor console (LOG-6). Signs the auditor in at Keycloak with the authorization code flow and
// PKCE (public client, acr "mfa" demanded by the client), keeps the tokens in memory only, and reads
// the trail through the auditor API, which logs every view (LOG-7). Record data is only ever set as
// text, never parsed as HTML: the trail holds whatever callers sent.
"use strict";

const TEXT = {
  vi: {
    title: "Nhật ký kiểm toán",
    logout: "Đăng xuất",
    signingIn: "Đang đăng nhập…",
    loading: "Đang tải…",
    username: "Tài khoản",
    citizenId: "Số định danh công dân (ai đã tra cứu người này)",
    sessionId: "Phiên đăng nhập (sid)",
    clientId: "Hệ thống",
    from: "Từ (giờ Việt Nam)",
    to: "Đến (giờ Việt Nam)",
    search: "Tìm",
    back: "Quay lại",
    exportCsv: "Xuất CSV",
    exportFhir: "Xuất FHIR AuditEvent",
    verify: "Kiểm tra toàn vẹn chuỗi",
    colTime: "Thời điểm",
    colEvent: "Sự kiện",
    colOutcome: "Kết quả",
    colUser: "Tài khoản",
    colSession: "Phiên",
    colSystem: "Hệ thống",
    colCitizen: "Công dân",
    colPurpose: "Mục đích",
    colSource: "Địa chỉ",
    colWorkstation: "Máy trạm",
    colDetail: "Chi tiết",
    colIntegrity: "Toàn vẹn",
    empty: "Không có bản ghi nào.",
    viewAll: "Toàn bộ nhật ký (mới nhất trước)",
    viewUser: "Nhật ký của tài khoản {0}",
    viewCitizen: "Ai đã tra cứu công dân này",
    viewSession: "Phiên đăng nhập {0}: đăng nhập → MFA → hệ thống → tra cứu",
    viewFiltered: "Nhật ký theo bộ lọc",
    SEALED: "Đã niêm phong",
    INTACT: "Toàn vẹn",
    ALTERED: "Bị sửa đổi",
    sealedTip: "Mã băm và liên kết đúng; điểm kiểm tra ký số bao phủ bản ghi vẫn khớp với chuỗi.",
    intactTip: "Mã băm và liên kết đúng; chưa đến điểm kiểm tra ký số tiếp theo.",
    alteredTip:
      "Mã băm, liên kết với bản ghi liền kề hoặc điểm kiểm tra ký số bao phủ bản ghi không khớp: dữ liệu đã bị thay đổi.",
    chainIntact: "Chuỗi nhật ký toàn vẹn: {0} điểm kiểm tra đã ký, bản ghi cuối được ký: #{1}.",
    chainBroken: "PHÁT HIỆN SAI LỆCH tại bản ghi #{0}: {1}",
    notAuditor: "Tài khoản này không có vai trò kiểm toán viên.",
    sessionExpired: "Phiên làm việc đã hết hạn, đang đăng nhập lại…",
    signInFailed: "Đăng nhập không thành công. Vui lòng thử lại.",
    failed: "Không thực hiện được yêu cầu.",
    alertsTitle: "Cảnh báo an ninh",
    colKind: "Loại",
    colMessage: "Nội dung",
    noAlerts: "Không có cảnh báo nào.",
    complianceTitle: "Tự đánh giá theo yêu cầu (SEC-6)",
    colRequirement: "Yêu cầu",
    colStatus: "Tình trạng",
    colEvidence: "Căn cứ",
    complianceSummary: "Đơn vị {0}, đánh giá lúc {1}: {2} đạt, {3} đạt một phần, {4} chưa đạt, {5} chưa đánh giá.",
    MET: "Đạt",
    PARTIAL: "Đạt một phần",
    NOT_MET: "Chưa đạt",
    NOT_ASSESSED: "Chưa đánh giá",
  },
  en: {
    title: "Audit trail",
    logout: "Sign out",
    signingIn: "Signing in…",
    loading: "Loading…",
    username: "Account",
    citizenId: "Citizen ID (who looked this person up)",
    sessionId: "SSO session (sid)",
    clientId: "System",
    from: "From (Vietnam time)",
    to: "To (Vietnam time)",
    search: "Search",
    back: "Back",
    exportCsv: "Export CSV",
    exportFhir: "Export FHIR AuditEvent",
    verify: "Verify chain integrity",
    colTime: "Time",
    colEvent: "Event",
    colOutcome: "Outcome",
    colUser: "Account",
    colSession: "Session",
    colSystem: "System",
    colCitizen: "Citizen",
    colPurpose: "Purpose",
    colSource: "Address",
    colWorkstation: "Workstation",
    colDetail: "Details",
    colIntegrity: "Integrity",
    empty: "No records.",
    viewAll: "Whole trail (newest first)",
    viewUser: "Trail of account {0}",
    viewCitizen: "Who looked up this citizen",
    viewSession: "SSO session {0}: login → MFA → systems → lookups",
    viewFiltered: "Trail by filter",
    SEALED: "Sealed",
    INTACT: "Intact",
    ALTERED: "Altered",
    sealedTip: "Hash and links hold; the signed checkpoint covering it still matches the chain.",
    intactTip: "Hash and links hold; newer than the last signed checkpoint.",
    alteredTip:
      "The hash, a link to a neighbouring record, or the signed checkpoint covering it does not match: data was changed.",
    chainIntact: "Chain intact: {0} signed checkpoints, last signed record #{1}.",
    chainBroken: "TAMPERING DETECTED at record #{0}: {1}",
    notAuditor: "This account does not have the auditor role.",
    sessionExpired: "Your session expired; signing in again…",
    signInFailed: "Sign-in failed. Please try again.",
    failed: "The request could not be completed.",
    alertsTitle: "Security alerts",
    colKind: "Kind",
    colMessage: "Message",
    noAlerts: "No alerts.",
    complianceTitle: "Self-assessment against the requirements (SEC-6)",
    colRequirement: "Requirement",
    colStatus: "Status",
    colEvidence: "Evidence",
    complianceSummary: "Unit {0}, assessed {1}: {2} met, {3} partly met, {4} not met, {5} not assessed.",
    MET: "Met",
    PARTIAL: "Partly met",
    NOT_MET: "Not met",
    NOT_ASSESSED: "Not assessed",
  },
};

/**
 * What the trail's codes (event types, outcomes, alert kinds) mean, in each language. The table
 * shows the name and keeps the code in the cell's tooltip; exports and the API keep the codes. A
 * Keycloak type ending in _ERROR is named after the type it failed (its outcome says it failed);
 * a code not listed here is shown as it is.
 */
const CODES = {
  vi: {
    POPULATION_LOOKUP: "Tra cứu CSDLQG về dân cư",
    AUDIT_VIEW: "Xem nhật ký kiểm toán",
    SECURITY_ALERT: "Cảnh báo an ninh",
    KC_LOGIN: "Đăng nhập",
    KC_LOGOUT: "Đăng xuất",
    KC_CODE_TO_TOKEN: "Cấp token cho hệ thống",
    KC_REFRESH_TOKEN: "Gia hạn token",
    KC_CLIENT_LOGIN: "Tài khoản dịch vụ đăng nhập",
    KC_UPDATE_PASSWORD: "Đổi mật khẩu",
    KC_RESET_PASSWORD: "Đặt lại mật khẩu",
    KC_SEND_RESET_PASSWORD: "Gửi thư đặt lại mật khẩu",
    KC_UPDATE_CREDENTIAL: "Cập nhật phương thức xác thực",
    KC_REMOVE_CREDENTIAL: "Gỡ phương thức xác thực",
    KC_UPDATE_TOTP: "Đăng ký ứng dụng TOTP",
    KC_REMOVE_TOTP: "Gỡ ứng dụng TOTP",
    KC_UPDATE_PROFILE: "Cập nhật thông tin cá nhân",
    KC_VERIFY_PROFILE: "Xác nhận thông tin cá nhân",
    KC_USER_DISABLED_BY_TEMPORARY_LOCKOUT: "Khóa tạm thời do nhập sai nhiều lần",
    KC_USER_DISABLED_BY_PERMANENT_LOCKOUT: "Khóa do nhập sai nhiều lần",
    KC_ADMIN_CREATE: "Quản trị: tạo mới",
    KC_ADMIN_UPDATE: "Quản trị: sửa",
    KC_ADMIN_DELETE: "Quản trị: xóa",
    KC_ADMIN_ACTION: "Quản trị: thao tác",
    SUCCESS: "Thành công",
    ERROR: "Không thành công",
    GRANTED: "Được phép",
    REQUESTED: "Đã gửi yêu cầu",
    FOUND: "Tìm thấy",
    NOT_FOUND: "Không tìm thấy",
    DENIED: "Từ chối: không có quyền",
    RATE_LIMITED: "Từ chối: vượt giới hạn",
    INVALID_REQUEST: "Từ chối: yêu cầu không hợp lệ",
    UPSTREAM_ERROR: "CSDLQG không phản hồi",
    BRUTE_FORCE: "Dò mật khẩu",
    PASSWORD_SPRAYING: "Rải mật khẩu",
    SHARED_ACCOUNT: "Nghi dùng chung tài khoản",
    BULK_LOOKUP: "Tra cứu hàng loạt",
  },
  en: {
    POPULATION_LOOKUP: "Population-database lookup",
    AUDIT_VIEW: "Audit trail viewed",
    SECURITY_ALERT: "Security alert",
    KC_LOGIN: "Login",
    KC_LOGOUT: "Logout",
    KC_CODE_TO_TOKEN: "Token issued to a system",
    KC_REFRESH_TOKEN: "Token refreshed",
    KC_CLIENT_LOGIN: "Service account login",
    KC_UPDATE_PASSWORD: "Password changed",
    KC_RESET_PASSWORD: "Password reset",
    KC_SEND_RESET_PASSWORD: "Password reset email sent",
    KC_UPDATE_CREDENTIAL: "Authentication method updated",
    KC_REMOVE_CREDENTIAL: "Authentication method removed",
    KC_UPDATE_TOTP: "TOTP app enrolled",
    KC_REMOVE_TOTP: "TOTP app removed",
    KC_UPDATE_PROFILE: "Profile updated",
    KC_VERIFY_PROFILE: "Profile confirmed",
    KC_USER_DISABLED_BY_TEMPORARY_LOCKOUT: "Locked for a while after failed attempts",
    KC_USER_DISABLED_BY_PERMANENT_LOCKOUT: "Locked after failed attempts",
    KC_ADMIN_CREATE: "Admin: created",
    KC_ADMIN_UPDATE: "Admin: changed",
    KC_ADMIN_DELETE: "Admin: deleted",
    KC_ADMIN_ACTION: "Admin: action",
    SUCCESS: "Success",
    ERROR: "Failed",
    GRANTED: "Granted",
    REQUESTED: "Requested",
    FOUND: "Found",
    NOT_FOUND: "Not found",
    DENIED: "Refused: no permission",
    RATE_LIMITED: "Refused: over the limit",
    INVALID_REQUEST: "Refused: invalid request",
    UPSTREAM_ERROR: "Population database not answering",
    BRUTE_FORCE: "Password guessing",
    PASSWORD_SPRAYING: "Password spraying",
    SHARED_ACCOUNT: "Possibly shared account",
    BULK_LOOKUP: "Bulk lookups",
  },
};

/** Times are shown, and typed in the filters, in Vietnam time: UTC+7 all year, no summer time. */
const VIETNAM_ZONE = "Asia/Ho_Chi_Minh";
const VIETNAM_OFFSET = "+07:00";

const FILTERS = ["username", "citizenId", "sessionId", "clientId", "from", "to"];
const DETAIL_SHOWN = 120;
const state = { lang: localStorage.getItem("yte.console.lang") || "vi", tokens: null };
let config = null;
const visited = [];
let current = {};

const $ = (id) => document.getElementById(id);

function t(key, ...args) {
  const text = TEXT[state.lang][key] || key;
  return text.replace(/\{(\d)\}/g, (_, i) => String(args[Number(i)]));
}

function applyLanguage() {
  document.documentElement.lang = state.lang;
  document.title = t("title");
  document.querySelectorAll("[data-i18n]").forEach((el) => {
    el.textContent = t(el.dataset.i18n);
  });
  $("lang-vi").setAttribute("aria-pressed", String(state.lang === "vi"));
  $("lang-en").setAttribute("aria-pressed", String(state.lang === "en"));
}

function setLanguage(lang) {
  state.lang = lang;
  localStorage.setItem("yte.console.lang", lang);
  applyLanguage();
  if (state.tokens && !$("console").hidden) {
    show(current, false);
  }
  if (state.tokens && !$("alerts-view").hidden) {
    showAlerts();
  }
  if (state.tokens && !$("compliance-view").hidden) {
    showCompliance();
  }
}

function showStatus(text, error) {
  const status = $("status");
  status.textContent = text;
  status.className = error ? "error" : "";
  status.hidden = !text;
}

// ---- Sign-in: authorization code with PKCE (RFC 7636) ----

function base64url(bytes) {
  return btoa(String.fromCharCode(...new Uint8Array(bytes)))
    .replace(/\+/g, "-")
    .replace(/\//g, "_")
    .replace(/=+$/, "");
}

function randomString() {
  return base64url(crypto.getRandomValues(new Uint8Array(32)));
}

function endpoint(name) {
  return config.issuer + "/protocol/openid-connect/" + name;
}

function redirectUri() {
  return location.origin + "/audit/";
}

async function signIn() {
  const verifier = randomString();
  const stateParam = randomString();
  sessionStorage.setItem("yte.console.pkce", JSON.stringify({ verifier, state: stateParam }));
  const challenge = base64url(
    await crypto.subtle.digest("SHA-256", new TextEncoder().encode(verifier))
  );
  const params = new URLSearchParams({
    client_id: config.clientId,
    response_type: "code",
    scope: "openid",
    redirect_uri: redirectUri(),
    state: stateParam,
    code_challenge: challenge,
    code_challenge_method: "S256",
    ui_locales: state.lang,
  });
  location.assign(endpoint("auth") + "?" + params);
}

async function tokenRequest(form) {
  const response = await fetch(endpoint("token"), {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(form),
  });
  if (!response.ok) {
    return null;
  }
  return response.json();
}

async function completeSignIn(query) {
  const saved = JSON.parse(sessionStorage.getItem("yte.console.pkce") || "null");
  sessionStorage.removeItem("yte.console.pkce");
  // The code must not stay in the address bar or the history.
  window.history.replaceState(null, "", redirectUri());
  if (!saved || saved.state !== query.get("state") || !query.get("code")) {
    return null;
  }
  return tokenRequest({
    grant_type: "authorization_code",
    client_id: config.clientId,
    code: query.get("code"),
    redirect_uri: redirectUri(),
    code_verifier: saved.verifier,
  });
}

async function refresh() {
  if (!state.tokens || !state.tokens.refresh_token) {
    return false;
  }
  const renewed = await tokenRequest({
    grant_type: "refresh_token",
    client_id: config.clientId,
    refresh_token: state.tokens.refresh_token,
  });
  state.tokens = renewed;
  return renewed !== null;
}

function signOut() {
  const params = new URLSearchParams({
    client_id: config.clientId,
    post_logout_redirect_uri: redirectUri(),
  });
  if (state.tokens && state.tokens.id_token) {
    params.set("id_token_hint", state.tokens.id_token);
  }
  state.tokens = null;
  location.assign(endpoint("logout") + "?" + params);
}

function claims(jwt) {
  const part = jwt.split(".")[1].replace(/-/g, "+").replace(/_/g, "/");
  const bytes = Uint8Array.from(atob(part), (c) => c.charCodeAt(0));
  return JSON.parse(new TextDecoder().decode(bytes));
}

// ---- Auditor API ----

class ApiError extends Error {
  constructor(status, body) {
    super(status + "");
    this.status = status;
    this.body = body;
  }
}

async function api(path, accept) {
  for (let attempt = 0; attempt < 2; attempt++) {
    const response = await fetch(path, {
      headers: {
        Authorization: "Bearer " + state.tokens.access_token,
        Accept: accept || "application/json",
      },
    });
    if (response.status === 401 && attempt === 0 && (await refresh())) {
      continue;
    }
    if (!response.ok) {
      let body = null;
      try {
        body = await response.json();
      } catch (notJson) {
        body = null;
      }
      throw new ApiError(response.status, body);
    }
    return response;
  }
  throw new ApiError(401, null);
}

function problem(error) {
  if (error instanceof ApiError) {
    if (error.status === 401) {
      showStatus(t("sessionExpired"), true);
      signIn();
      return;
    }
    if (error.status === 403) {
      showStatus(t("notAuditor"), true);
      return;
    }
    if (error.body && error.body.message) {
      showStatus(state.lang === "vi" ? error.body.message : error.body.message_en, true);
      return;
    }
  }
  showStatus(t("failed"), true);
}

function queryString(filters, extra) {
  const params = new URLSearchParams(extra || {});
  for (const name of FILTERS) {
    const value = filters[name];
    if (value) {
      params.set(name, name === "from" || name === "to" ? vietnamInstant(value) : value);
    }
  }
  return params.toString();
}

/**
 * A time typed in the filters ("2026-11-24T08:00") read as Vietnam time, the time the table shows,
 * whatever the workstation's clock is set to.
 */
function vietnamInstant(value) {
  const withSeconds = value.length === "yyyy-mm-ddThh:mm".length ? value + ":00" : value;
  return new Date(withSeconds + VIETNAM_OFFSET).toISOString();
}

// ---- Views ----

function readForm() {
  const filters = {};
  for (const name of FILTERS) {
    const value = $("f-" + name).value.trim();
    if (value) {
      filters[name] = value;
    }
  }
  return filters;
}

function fillForm(filters) {
  for (const name of FILTERS) {
    $("f-" + name).value = filters[name] || "";
  }
}

function title(filters) {
  const keys = Object.keys(filters);
  if (keys.length === 0) {
    return t("viewAll");
  }
  if (keys.length === 1 && filters.username) {
    return t("viewUser", filters.username);
  }
  if (keys.length === 1 && filters.citizenId) {
    return t("viewCitizen");
  }
  if (keys.length === 1 && filters.sessionId) {
    return t("viewSession", filters.sessionId);
  }
  return t("viewFiltered");
}

/**
 * Answers can arrive out of order (a slow network, a busy server). Only the latest request of each
 * kind may change the page, so that an earlier view's records never appear under a later view's
 * title, nor an earlier verification's result after a later one's.
 */
const latestRequest = { view: 0, alerts: 0, verify: 0, compliance: 0 };

/** Starts a request of this kind; the returned function tells whether it is still the latest. */
function newRequest(kind) {
  const mine = ++latestRequest[kind];
  return () => mine === latestRequest[kind];
}

/** Shows the trail for these filters; {@code remember} keeps the previous view for "Back". */
async function show(filters, remember) {
  const latest = newRequest("view");
  if (remember) {
    visited.push(current);
  }
  current = filters;
  fillForm(filters);
  $("back").disabled = visited.length === 0;
  $("view-title").textContent = title(filters);
  // No rows of the previous view under the new title while this one loads.
  $("records").dataset.state = "loading";
  document.querySelector("#records tbody").replaceChildren();
  showStatus(t("loading"), false);
  try {
    const response = await api("/api/v1/audit/records?" + queryString(filters, { limit: "200" }));
    const records = await response.json();
    if (latest()) {
      render(records);
      showStatus("", false);
    }
  } catch (error) {
    if (latest()) {
      render([]);
      problem(error);
    }
  }
}

function link(text, filters) {
  const a = document.createElement("a");
  a.className = "link";
  a.textContent = text;
  a.href = "#";
  a.addEventListener("click", (event) => {
    event.preventDefault();
    show(filters, true);
  });
  return a;
}

function cell(row, content, className) {
  const td = document.createElement("td");
  if (className) {
    td.className = className;
  }
  if (content instanceof Node) {
    td.appendChild(content);
  } else {
    td.textContent = content == null ? "" : String(content);
  }
  row.appendChild(td);
}

/**
 * The record's detail (an administrator's change, a login error, a lookup's authentication
 * context), shortened for the table; the whole text is in the cell's tooltip.
 */
function detail(text) {
  const span = document.createElement("span");
  const whole = text == null ? "" : String(text);
  span.textContent = whole.length > DETAIL_SHOWN ? whole.slice(0, DETAIL_SHOWN) + "…" : whole;
  span.title = whole;
  return span;
}

/** Time in Vietnam, with the full year: a trail is read years later. */
function formatTime(iso) {
  return new Date(iso).toLocaleString(state.lang === "vi" ? "vi-VN" : "en-GB", {
    timeZone: VIETNAM_ZONE,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  });
}

function codeName(code) {
  const names = CODES[state.lang];
  if (names[code]) {
    return names[code];
  }
  const failed = code.endsWith("_ERROR") ? code.slice(0, -"_ERROR".length) : null;
  return (failed && names[failed]) || code;
}

function purposeName(code) {
  const purpose = config.purposes && config.purposes[code];
  return purpose ? purpose[state.lang] : code;
}

/** A code shown by its name, with the code itself in the tooltip. */
function named(code, name) {
  if (code == null) {
    return "";
  }
  const text = String(code);
  const span = document.createElement("span");
  span.textContent = name(text);
  span.title = text;
  span.dataset.code = text;
  return span;
}

function render(records) {
  const body = document.querySelector("#records tbody");
  body.replaceChildren();
  for (const r of records) {
    const e = r.event;
    const row = document.createElement("tr");
    row.dataset.seq = r.seq;
    cell(row, formatTime(r.recordedAt), "time");
    cell(row, r.seq);
    cell(row, named(e.type, codeName), "type");
    cell(row, named(e.outcome, codeName), "outcome");
    cell(row, e.actorUsername ? link(e.actorUsername, { username: e.actorUsername }) : "", "user");
    cell(
      row,
      e.sessionId ? link(e.sessionId.slice(0, 8) + "…", { sessionId: e.sessionId }) : "",
      "session"
    );
    cell(row, e.clientId ? link(e.clientId, { clientId: e.clientId }) : "", "system");
    cell(row, e.citizenMasked, "citizen");
    cell(row, named(e.purpose, purposeName), "purpose");
    cell(row, e.sourceIp);
    cell(row, e.workstation, "workstation");
    cell(row, detail(e.detail), "detail");
    const badge = document.createElement("span");
    badge.className = "badge badge-" + r.integrity;
    badge.textContent = t(r.integrity);
    badge.title = t(r.integrity.toLowerCase() + "Tip");
    cell(row, badge, "integrity");
    body.appendChild(row);
  }
  $("empty").hidden = records.length > 0;
  $("records").dataset.state = "loaded";
}

async function verify() {
  const latest = newRequest("verify");
  const result = $("verify-result");
  result.textContent = t("loading");
  result.className = "";
  try {
    const body = await (await api("/api/v1/audit/verify")).json();
    if (!latest()) {
      return;
    }
    if (body.intact) {
      result.textContent = t("chainIntact", body.checkpoints, body.lastCheckpointSeq ?? "-");
      result.className = "ok";
    } else {
      result.textContent = t("chainBroken", body.firstBadRecord, body.problem);
      result.className = "error";
    }
  } catch (error) {
    if (latest()) {
      result.textContent = "";
      problem(error);
    }
  }
}

async function download(format) {
  try {
    const response = await api(
      "/api/v1/audit/export?" + queryString(current, { format, limit: "1000" }),
      format === "csv" ? "text/csv" : "application/fhir+json"
    );
    const url = URL.createObjectURL(await response.blob());
    const a = document.createElement("a");
    a.href = url;
    a.download = format === "csv" ? "audit.csv" : "audit-fhir.json";
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  } catch (error) {
    problem(error);
  }
}

/**
 * Loads a view beside the trail (alerts, self-assessment) into its table {@code name}, in the
 * section {@code name}-view: shows the section, empties the table while it loads, and lets {@code
 * fill} write the answer only if no later request for this table was made meanwhile.
 */
async function loadTable(name, path, fill) {
  const latest = newRequest(name);
  $(name + "-view").hidden = false;
  const table = $(name);
  table.dataset.state = "loading";
  const body = table.querySelector("tbody");
  body.replaceChildren();
  try {
    const answer = await (await api(path)).json();
    if (!latest()) {
      return;
    }
    fill(answer, body);
    table.dataset.state = "loaded";
  } catch (error) {
    if (latest()) {
      problem(error);
    }
  }
}

/** SEC-2 alerts, newest first, each in the console's language. */
function showAlerts() {
  $("no-alerts").hidden = true;
  return loadTable("alerts", "/api/v1/alerts?limit=100", (alerts, body) => {
    for (const a of alerts) {
      const row = document.createElement("tr");
      row.dataset.seq = a.seq;
      cell(row, formatTime(a.recordedAt), "time");
      cell(row, a.seq);
      cell(row, named(a.kind, codeName), "kind");
      cell(row, state.lang === "vi" ? a.message : a.message_en, "message");
      body.appendChild(row);
    }
    $("no-alerts").hidden = alerts.length > 0;
  });
}

/**
 * SEC-6: how the unit stands against every requirement, with the evidence from Keycloak and from
 * this service, in the console's language.
 */
function showCompliance() {
  return loadTable("compliance", "/api/v1/audit/compliance", (report, body) => {
    const s = report.summary;
    $("compliance-summary").textContent = t(
      "complianceSummary",
      report.realm,
      formatTime(report.assessedAt),
      s.MET,
      s.PARTIAL,
      s.NOT_MET,
      s.NOT_ASSESSED,
    );
    for (const f of report.findings) {
      const row = document.createElement("tr");
      row.dataset.requirement = f.requirement;
      cell(row, f.requirement);
      const badge = document.createElement("span");
      badge.className = "badge status-" + f.status;
      badge.textContent = t(f.status);
      badge.title = f.status;
      cell(row, badge, "status");
      const notes = document.createElement("ul");
      for (const n of f.notes) {
        const item = document.createElement("li");
        item.className = n.ok ? "ok" : "gap";
        item.textContent = (state.lang === "vi" ? n.vi : n.en) + " (" + n.source + ")";
        notes.appendChild(item);
      }
      cell(row, notes, "detail");
      body.appendChild(row);
    }
  });
}

function roles(token) {
  const access = claims(token).realm_access;
  return access && Array.isArray(access.roles) ? access.roles : [];
}

async function start() {
  applyLanguage();
  $("lang-vi").addEventListener("click", () => setLanguage("vi"));
  $("lang-en").addEventListener("click", () => setLanguage("en"));
  try {
    config = await (await fetch("/audit/config")).json();
  } catch (error) {
    showStatus(t("failed"), true);
    return;
  }
  const query = new URLSearchParams(location.search);
  if (!query.has("code") && !query.has("error")) {
    await signIn();
    return;
  }
  state.tokens = await completeSignIn(query);
  if (!state.tokens) {
    showStatus(t("signInFailed"), true);
    return;
  }
  $("auditor").textContent = claims(state.tokens.access_token).preferred_username || "";
  $("logout").addEventListener("click", signOut);
  const granted = roles(state.tokens.access_token);
  if (!granted.includes("auditor") && granted.includes("iam-admin")) {
    // Account administrators see the alerts, not the trail.
    await showAlerts();
    showStatus("", false);
    return;
  }
  $("filters").addEventListener("submit", (event) => {
    event.preventDefault();
    show(readForm(), true);
  });
  $("back").addEventListener("click", () => {
    if (visited.length) {
      show(visited.pop(), false);
    }
  });
  $("verify").addEventListener("click", verify);
  $("export-csv").addEventListener("click", () => download("csv"));
  $("export-fhir").addEventListener("click", () => download("fhir"));
  $("show-alerts").addEventListener("click", showAlerts);
  $("show-compliance").addEventListener("click", showCompliance);
  $("console").hidden = false;
  await show({}, false);
}

start();
