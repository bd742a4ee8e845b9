package io.coinfer.gateway.ue;

import io.coinfer.contracts.api.RegisterUeRequest;
import io.coinfer.contracts.api.StateReport;
import io.coinfer.contracts.api.UeRegistration;
import io.coinfer.contracts.api.UeView;
import io.coinfer.contracts.events.DecisionEvent;
import io.coinfer.contracts.web.Problems;
import io.coinfer.gateway.security.TokenService;
import io.coinfer.gateway.security.UeAuthorizer;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import java.net.URI;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** UE registration, lookup, deletion, state reports and the latest decision. */
@RestController
@RequestMapping("/api/v1/ues")
class UeController {

  private final UeRegistry registry;
  private final TokenService tokens;
  private final UeAuthorizer authorizer;

  UeController(UeRegistry registry, TokenService tokens, UeAuthorizer authorizer) {
    this.registry = registry;
    this.tokens = tokens;
    this.authorizer = authorizer;
  }

  @Operation(summary = "Register a UE; the answer carries its bearer token")
  @PostMapping
  ResponseEntity<UeRegistration> register(@Valid @RequestBody RegisterUeRequest request) {
    RegisteredUe ue = registry.register(request);
    return ResponseEntity.created(URI.create("/api/v1/ues/" + ue.ueId()))
        .body(new UeRegistration(ue.toView(), tokens.issue(ue.ueId())));
  }

  @Operation(summary = "A UE as the gateway knows it")
  @GetMapping("/{ueId}")
  UeView get(
      @PathVariable String ueId,
      @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String auth) {
    return owned(ueId, auth).toView();
  }

  @Operation(summary = "Deregister a UE (an admin operation: an admin token)")
  @DeleteMapping("/{ueId}")
  ResponseEntity<Void> delete(
      @PathVariable String ueId,
      @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String auth) {
    authorizer.admin(auth, "deregistering a UE");
    registry.delete(ueId);
    return ResponseEntity.noContent().build();
  }

  @Operation(summary = "Report a UE's state (tasks queued, distance)")
  @PutMapping("/{ueId}/state")
  UeView report(
      @PathVariable String ueId,
      @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String auth,
      @Valid @RequestBody StateReport report) {
    owned(ueId, auth);
    return registry.report(ueId, report).toView();
  }

  @Operation(summary = "The UE's latest decision (point, sub-channel, power, slot, policy)")
  @GetMapping("/{ueId}/decision")
  DecisionEvent decision(
      @PathVariable String ueId,
      @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String auth) {
    owned(ueId, auth);
    return registry
        .latestDecision(ueId)
        .orElseThrow(() -> Problems.notFound("no decision for UE " + ueId + " yet"));
  }

  private RegisteredUe owned(String ueId, String auth) {
    return registry.owned(ueId, authorizer.caller(auth));
  }
}
