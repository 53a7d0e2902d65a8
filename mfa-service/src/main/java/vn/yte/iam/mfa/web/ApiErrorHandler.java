package vn.yte.iam.mfa.web;

import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Every refusal has the same JSON shape: {@code error}, {@code message} (vi), {@code message_en}.
 */
@RestControllerAdvice
class ApiErrorHandler {

  @ExceptionHandler(ApiException.class)
  ResponseEntity<Map<String, String>> api(ApiException e) {
    return body(e.status(), e.code(), e.messageVi(), e.messageEn());
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<Map<String, String>> unreadable(HttpMessageNotReadableException e) {
    return body(
        HttpStatus.BAD_REQUEST,
        "MALFORMED_REQUEST",
        "Yêu cầu không đúng định dạng JSON.",
        "The request body is not valid JSON.");
  }

  static ResponseEntity<Map<String, String>> body(
      HttpStatus status, String code, String vi, String en) {
    return ResponseEntity.status(status)
        .body(Map.of("error", code, "message", vi, "message_en", en));
  }
}
