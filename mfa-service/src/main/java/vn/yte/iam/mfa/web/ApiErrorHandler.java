package vn.yte.iam.mfa.web;

import java.time.Instant;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

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

  /** A query parameter that does not convert: named, with the form it must take, never echoed. */
  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<Map<String, String>> badParameter(MethodArgumentTypeMismatchException e) {
    String name = e.getName();
    Class<?> type = e.getRequiredType();
    String vi;
    String en;
    if (type == Instant.class) {
      vi = "phải là một thời điểm theo ISO 8601, ví dụ 2026-11-24T08:00:00Z";
      en = "must be an ISO 8601 instant, e.g. 2026-11-24T08:00:00Z";
    } else if (type == int.class || type == Integer.class) {
      vi = "phải là một số nguyên";
      en = "must be a whole number";
    } else {
      vi = "không hợp lệ";
      en = "is not valid";
    }
    return body(
        HttpStatus.BAD_REQUEST,
        "INVALID_PARAMETER",
        "Tham số " + name + " " + vi + ".",
        "The parameter " + name + " " + en + ".");
  }

  @ExceptionHandler(MissingServletRequestParameterException.class)
  ResponseEntity<Map<String, String>> missingParameter(MissingServletRequestParameterException e) {
    String name = e.getParameterName();
    return body(
        HttpStatus.BAD_REQUEST,
        "MISSING_PARAMETER",
        "Tham số " + name + " là bắt buộc.",
        "The parameter " + name + " is required.");
  }

  static ResponseEntity<Map<String, String>> body(
      HttpStatus status, String code, String vi, String en) {
    return ResponseEntity.status(status)
        .body(Map.of("error", code, "message", vi, "message_en", en));
  }
}
