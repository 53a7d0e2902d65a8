package vn.yte.iam.mfa.lookup;

/**
 * Declared purpose of a population-database lookup (LOG-2), mapped to HL7 v3 PurposeOfUse codes for
 * the FHIR AuditEvent export.
 */
public enum Purpose {
  TREATMENT("TREAT", "Khám, chữa bệnh", "Treatment"),
  INSURANCE("HPAYMT", "Thanh toán bảo hiểm y tế", "Health insurance payment"),
  REGISTRATION("HOPERAT", "Tiếp đón, đăng ký khám", "Patient registration"),
  EMERGENCY("ETREAT", "Cấp cứu", "Emergency treatment"),
  PUBLIC_HEALTH("PUBHLTH", "Y tế công cộng", "Public health");

  public final String hl7Code;
  public final String labelVi;
  public final String labelEn;

  Purpose(String hl7Code, String labelVi, String labelEn) {
    this.hl7Code = hl7Code;
    this.labelVi = labelVi;
    this.labelEn = labelEn;
  }

  /** The purpose with this exact name, or null: the API takes the enum names, nothing else. */
  public static Purpose parse(String name) {
    if (name == null) {
      return null;
    }
    for (Purpose p : values()) {
      if (p.name().equals(name)) {
        return p;
      }
    }
    return null;
  }
}
