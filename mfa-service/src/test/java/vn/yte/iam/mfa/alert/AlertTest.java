package vn.yte.iam.mfa.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * SEC-2 alert messages: the Vietnamese one is Vietnamese throughout, read back from the fixed
 * details the detector and the gateway write; a detail in another form is shown as it is.
 */
class AlertTest {

  private static Alert alert(String kind, String account, String address, String detail) {
    return new Alert(7, Instant.EPOCH, kind, account, address, "sid-1", detail);
  }

  @Test
  void passwordGuessingIsCountedInTheReadersLanguage() {
    Alert a = alert(Detections.BRUTE_FORCE, "dd.hoang", "10.0.0.7", "5 failed logins in 10 min");
    assertThat(a.messageVi())
        .isEqualTo("Dò mật khẩu tài khoản dd.hoang: 5 lần đăng nhập sai trong 10 phút");
    assertThat(a.messageEn())
        .isEqualTo("Password guessing against account dd.hoang: 5 failed logins in 10 min");
  }

  @Test
  void passwordSprayingNamesTheAddress() {
    Alert a =
        alert(
            Detections.PASSWORD_SPRAYING,
            null,
            "10.9.8.7",
            "12 accounts failed logins from this address in 10 min");
    assertThat(a.messageVi())
        .isEqualTo(
            "Rải mật khẩu từ địa chỉ 10.9.8.7: 12 tài khoản đăng nhập sai từ địa chỉ này trong 10"
                + " phút");
    assertThat(a.messageEn())
        .isEqualTo(
            "Password spraying from 10.9.8.7: 12 accounts failed logins from this address in 10"
                + " min");
  }

  @Test
  void sharedAccountSignalsAndActionAreNamedNotCoded() {
    Alert a =
        alert(
            Detections.SHARED_ACCOUNT,
            "letan.chung",
            "10.1.1.2",
            "signals CONCURRENT_SESSION,MANY_DEVICES, action deny");
    assertThat(a.messageVi())
        .isEqualTo(
            "Nghi dùng chung tài khoản letan.chung: tài khoản đang có phiên khác trên máy trạm"
                + " khác; nhiều thiết bị hơn mức một người thường dùng (xử lý: đã từ chối đăng"
                + " nhập)");
    assertThat(a.messageEn())
        .isEqualTo(
            "Account letan.chung may be shared: another live session on a different workstation;"
                + " more devices than one person plausibly uses (action: the login was refused)");
  }

  @Test
  void aSignalThisVersionDoesNotKnowKeepsItsCode() {
    Alert a =
        alert(
            Detections.SHARED_ACCOUNT, "letan.chung", null, "signals IMPOSSIBLE_INTERVAL,NEW_ONE");
    assertThat(a.messageVi())
        .isEqualTo(
            "Nghi dùng chung tài khoản letan.chung: đăng nhập từ mạng khác quá sớm để là cùng một"
                + " người; NEW_ONE");
  }

  @Test
  void bulkLookupsSayHowMany() {
    Alert a = alert("BULK_LOOKUP", "bs.an", null, "more than 50 distinct citizens in an hour");
    assertThat(a.messageVi())
        .isEqualTo(
            "Tra cứu CSDLQG về dân cư hàng loạt, tài khoản bs.an: hơn 50 công dân khác nhau trong"
                + " một giờ");
    assertThat(a.messageEn())
        .isEqualTo(
            "Bulk population-database lookups by bs.an: more than 50 distinct citizens in an hour");
  }

  @Test
  void aDetailInAnotherFormIsShownAsItIs() {
    Alert a = alert(Detections.BRUTE_FORCE, "dd.hoang", null, "7 failures (imported)");
    assertThat(a.messageVi()).isEqualTo("Dò mật khẩu tài khoản dd.hoang: 7 failures (imported)");
  }
}
