package io.coinfer.contracts.security;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * The guard and the JSON body limit on a real Spring MVC dispatcher (MockMvc), with the problem
 * details handler the services use.
 */
class InternalApiGuardTest {

  @RestController
  static class Api {
    @GetMapping("/api/v1/thing")
    String read() {
      return "thing";
    }

    @AdminOnly
    @PutMapping("/api/v1/thing")
    String write(@RequestBody String body) {
      return "written " + body.length();
    }

    @GetMapping("/v3/api-docs")
    String docs() {
      return "docs";
    }
  }

  /** What {@code spring.mvc.problemdetails.enabled} registers in the services. */
  @ControllerAdvice
  static class Problems extends ResponseEntityExceptionHandler {}

  private final Tokens tokens =
      new Tokens(SigningKeys.of(List.of(SigningKeys.newEntry("k1"))), "coinfer", Clock.systemUTC());
  private final Tokens otherPlatform =
      new Tokens(SigningKeys.of(List.of(SigningKeys.newEntry("k1"))), "coinfer", Clock.systemUTC());

  private final MockMvc mvc =
      MockMvcBuilders.standaloneSetup(new Api())
          .setControllerAdvice(new Problems())
          .addMappedInterceptors(new String[] {"/api/**"}, new InternalApiGuard(tokens))
          .addFilters(new JsonBodyLimit(64))
          .build();

  private String bearer(Tokens from, Role role) {
    return "Bearer " + from.issue("someone", role, Duration.ofMinutes(5));
  }

  @Test
  void shouldLetOnlyServiceAndAdminTokensReadAndOnlyAdminTokensWrite() throws Exception {
    // no token, or a token of another key set: 401 as a problem detail
    mvc.perform(get("/api/v1/thing"))
        .andExpect(status().isUnauthorized())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.detail").value("a bearer token is required"));
    mvc.perform(get("/api/v1/thing").header("Authorization", bearer(otherPlatform, Role.ADMIN)))
        .andExpect(status().isUnauthorized());
    // a UE's token: 403 everywhere on an internal API
    mvc.perform(get("/api/v1/thing").header("Authorization", bearer(tokens, Role.UE)))
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.type").value("https://coinfer.io/problems/forbidden"));
    // a service token reads, but an admin operation is 403 for it
    mvc.perform(get("/api/v1/thing").header("Authorization", bearer(tokens, Role.SERVICE)))
        .andExpect(status().isOk());
    mvc.perform(
            put("/api/v1/thing")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{}")
                .header("Authorization", bearer(tokens, Role.SERVICE)))
        .andExpect(status().isForbidden())
        .andExpect(
            jsonPath("$.detail").value("this is an admin operation: an admin token is required"));
    // an admin token does both
    mvc.perform(
            put("/api/v1/thing")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{}")
                .header("Authorization", bearer(tokens, Role.ADMIN)))
        .andExpect(status().isOk())
        .andExpect(content().string("written 2"));
    // the API docs outside /api stay readable without a token
    mvc.perform(get("/v3/api-docs")).andExpect(status().isOk());
  }

  @Test
  void shouldRefuseAJsonBodyOverTheLimitWith413BeforeTheToken() throws Exception {
    mvc.perform(
            put("/api/v1/thing")
                .contentType(MediaType.APPLICATION_JSON)
                .content("\"" + "x".repeat(100) + "\"")
                .header("Authorization", bearer(tokens, Role.ADMIN)))
        .andExpect(status().is(413))
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.detail").value("a JSON body may have at most 64 bytes"))
        .andExpect(jsonPath("$.instance").value("/api/v1/thing"));
    // a body at the limit passes
    mvc.perform(
            put("/api/v1/thing")
                .contentType(MediaType.APPLICATION_JSON)
                .content("\"" + "x".repeat(62) + "\"")
                .header("Authorization", bearer(tokens, Role.ADMIN)))
        .andExpect(status().isOk())
        .andExpect(content().string("written 64"));
  }
}
