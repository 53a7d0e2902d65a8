package vn.yte.iam.mfa.web;

import org.springframework.http.HttpStatus;

/**
 * A refusal the caller can act on: an HTTP status, a stable machine-readable code, and the
 * explanation in Vietnamese (the staff default) and English.
 */
public class ApiException extends RuntimeException {
  private final HttpStatus status;
  private final String code;
  private final String messageVi;

  public ApiException(HttpStatus status, String code, String messageVi, String messageEn) {
    super(messageEn);
    this.status = status;
    this.code = code;
    this.messageVi = messageVi;
  }

  public HttpStatus status() {
    return status;
  }

  public String code() {
    return code;
  }

  public String messageVi() {
    return messageVi;
  }

  public String messageEn() {
    return getMessage();
  }
}
