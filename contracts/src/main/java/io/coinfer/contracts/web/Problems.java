package io.coinfer.contracts.web;

import java.net.URI;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * The platform services' RFC 9457 problem details. Each is thrown as an {@link
 * ErrorResponseException}, which Spring MVC renders as {@code application/problem+json}.
 */
public final class Problems {

  private static final String TYPE_BASE = "https://coinfer.io/problems/";

  private Problems() {}

  /**
   * 401 with {@code WWW-Authenticate: Bearer}.
   *
   * @param detail what is missing or wrong
   * @return the exception to throw
   */
  public static ErrorResponseException unauthorized(String detail) {
    HttpHeaders headers = new HttpHeaders();
    headers.set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
    return new ErrorResponseException(
        HttpStatus.UNAUTHORIZED, problem(HttpStatus.UNAUTHORIZED, "unauthorized", detail), null) {
      private static final long serialVersionUID = 1L;

      @Override
      public HttpHeaders getHeaders() {
        return headers;
      }
    };
  }

  /**
   * 403.
   *
   * @param detail why
   * @return the exception to throw
   */
  public static ErrorResponseException forbidden(String detail) {
    return of(HttpStatus.FORBIDDEN, "forbidden", detail);
  }

  /**
   * 404.
   *
   * @param detail what was not found
   * @return the exception to throw
   */
  public static ErrorResponseException notFound(String detail) {
    return of(HttpStatus.NOT_FOUND, "not-found", detail);
  }

  /**
   * 400.
   *
   * @param detail what is wrong
   * @return the exception to throw
   */
  public static ErrorResponseException badRequest(String detail) {
    return of(HttpStatus.BAD_REQUEST, "bad-request", detail);
  }

  /**
   * 409.
   *
   * @param detail what conflicts
   * @return the exception to throw
   */
  public static ErrorResponseException conflict(String detail) {
    return of(HttpStatus.CONFLICT, "conflict", detail);
  }

  /**
   * 415.
   *
   * @param detail which media type is not supported
   * @return the exception to throw
   */
  public static ErrorResponseException unsupportedMediaType(String detail) {
    return of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", detail);
  }

  /**
   * 413.
   *
   * @param detail the limit
   * @return the exception to throw
   */
  public static ErrorResponseException tooLarge(String detail) {
    return of(HttpStatus.CONTENT_TOO_LARGE, "content-too-large", detail);
  }

  private static ErrorResponseException of(HttpStatus status, String type, String detail) {
    return new ErrorResponseException(status, problem(status, type, detail), null);
  }

  private static ProblemDetail problem(HttpStatus status, String type, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setType(URI.create(TYPE_BASE + type));
    return problem;
  }
}
