package vn.yte.iam.keycloak.text;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Dates as staff read them: the calendar day in Vietnam, written dd/MM/yyyy. */
public final class VietnamTime {
  public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  private VietnamTime() {}

  public static String date(Instant instant) {
    return DATE.format(instant.atZone(ZONE));
  }
}
