package io.coinfer.contracts.web;

import java.net.URI;
import java.time.Duration;
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
    return withHeaders(
        HttpStatus.UNAUTHORIZED, problem(HttpStatus.UNAUTHORIZED, "unauthorized", detail), headers);
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

  /**
   * 429 with {@code Retry-After}: the service holds as much work as it may and refuses more for
   * now.
   *
   * @param detail which bound is full
   * @param retryAfter when to try again (rounded up to whole seconds, at least 1)
   * @return the exception to throw
   */
  public static ErrorResponseException tooManyRequests(String detail, Duration retryAfter) {
    return retryLater(HttpStatus.TOO_MANY_REQUESTS, "too-many-requests", detail, retryAfter);
  }

  /**
   * 503 with {@code Retry-After}: the service is shutting down and takes no new work.
   *
   * @param detail why
   * @param retryAfter when to try again (rounded up to whole seconds, at least 1)
   * @return the exception to throw
   */
  public static ErrorResponseException unavailable(String detail, Duration retryAfter) {
    return retryLater(HttpStatus.SERVICE_UNAVAILABLE, "unavailable", detail, retryAfter);
  }

  private static ErrorResponseException retryLater(
      HttpStatus status, String type, String detail, Duration retryAfter) {
    long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    HttpHeaders headers = new HttpHeaders();
    headers.set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
    ProblemDetail problem = problem(status, type, detail);
    problem.setProperty("retryAfterSeconds", seconds);
    return withHeaders(status, problem, headers);
  }

  private static ErrorResponseException withHeaders(
      HttpStatus status, ProblemDetail problem, HttpHeaders headers) {
    return new ErrorResponseException(status, problem, null) {
      private static final long serialVersionUID = 1L;

      @Override
      public HttpHeaders getHeaders() {
        return headers;
      }
    };
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
