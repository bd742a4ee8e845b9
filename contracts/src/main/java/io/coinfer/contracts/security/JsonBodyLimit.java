package io.coinfer.contracts.security;

import io.coinfer.contracts.web.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Caps JSON request bodies ({@code application/json} and {@code application/*+json}): a declared
 * {@code Content-Length} over the limit gets 413 as an RFC 9457 problem detail before anything is
 * read; a body without a length (chunked) is cut off at the limit, and its handler sees a truncated
 * body (400). Bodies of other types have their own limits where they are read (images, features and
 * model packages).
 */
public final class JsonBodyLimit extends OncePerRequestFilter {

  private final long maxBytes;
  private final JsonMapper json = JsonMapper.builder().build();

  /**
   * A limit.
   *
   * @param maxBytes the largest JSON body, bytes
   */
  public JsonBodyLimit(long maxBytes) {
    this.maxBytes = maxBytes;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String type = request.getContentType();
    if (type == null) {
      return true;
    }
    try {
      MediaType media = MediaType.parseMediaType(type);
      return !MediaType.APPLICATION_JSON.isCompatibleWith(media)
          && !media.getSubtype().endsWith("+json");
    } catch (IllegalArgumentException e) {
      return true; // the handler refuses a malformed content type itself (415)
    }
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (request.getContentLengthLong() > maxBytes) {
      ProblemDetail problem =
          Problems.tooLarge("a JSON body may have at most " + maxBytes + " bytes").getBody();
      problem.setInstance(URI.create(request.getRequestURI()));
      response.setStatus(problem.getStatus());
      response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
      response.getOutputStream().write(json.writeValueAsBytes(problem));
      return;
    }
    chain.doFilter(new Capped(request, maxBytes), response);
  }

  /** A request whose body ends after {@code maxBytes}. */
  private static final class Capped extends HttpServletRequestWrapper {

    private final long maxBytes;
    private ServletInputStream stream;

    Capped(HttpServletRequest request, long maxBytes) {
      super(request);
      this.maxBytes = maxBytes;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      if (stream == null) {
        ServletInputStream in = super.getInputStream();
        stream =
            new ServletInputStream() {
              private long read;

              @Override
              public int read() throws IOException {
                if (read >= maxBytes) {
                  return -1;
                }
                int b = in.read();
                if (b >= 0) {
                  read++;
                }
                return b;
              }

              @Override
              public int read(byte[] buffer, int off, int len) throws IOException {
                if (read >= maxBytes) {
                  return -1;
                }
                int n = in.read(buffer, off, (int) Math.min(len, maxBytes - read));
                if (n > 0) {
                  read += n;
                }
                return n;
              }

              @Override
              public boolean isFinished() {
                return read >= maxBytes || in.isFinished();
              }

              @Override
              public boolean isReady() {
                return in.isReady();
              }

              @Override
              public void setReadListener(ReadListener listener) {
                in.setReadListener(listener);
              }
            };
      }
      return stream;
    }

    @Override
    public BufferedReader getReader() throws IOException {
      String encoding = getCharacterEncoding();
      return new BufferedReader(
          new InputStreamReader(
              getInputStream(),
              encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding)));
    }
  }
}
