package io.coinfer.orchestrator.web;

import io.coinfer.contracts.api.PolicyRequest;
import io.coinfer.contracts.api.PolicyView;
import io.coinfer.contracts.api.SlotView;
import io.coinfer.contracts.events.DecisionEvent;
import io.coinfer.contracts.security.AdminOnly;
import io.coinfer.contracts.web.Problems;
import io.coinfer.orchestrator.policy.PolicyRegistry;
import io.coinfer.orchestrator.slot.SlotClock;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Decisions of the last slot, the last slot's summary, and the policies. Every call needs a service
 * or admin token, the policy switch an admin token ({@link
 * io.coinfer.contracts.security.InternalApiGuard}).
 */
@RestController
@RequestMapping("/api/v1")
class OrchestratorController {

  private final SlotClock clock;
  private final PolicyRegistry policies;

  OrchestratorController(SlotClock clock, PolicyRegistry policies) {
    this.clock = clock;
    this.policies = policies;
  }

  @Operation(summary = "The decisions of the last slot, one per UE (or of one UE)")
  @GetMapping("/decisions")
  List<DecisionEvent> decisions(@RequestParam(required = false) String ueId) {
    List<DecisionEvent> all = clock.latestDecisions();
    return ueId == null ? all : all.stream().filter(d -> d.ueId().equals(ueId)).toList();
  }

  @Operation(summary = "The last slot: number, decision step time, policy, decisions by point")
  @GetMapping("/slots/latest")
  SlotView latestSlot() {
    return clock.latest().orElseThrow(() -> Problems.notFound("no slot has run yet"));
  }

  @Operation(summary = "The active and fallback policies")
  @GetMapping("/policy")
  PolicyView policy() {
    return policies.view();
  }

  @Operation(
      summary =
          "Switch the active policy, and optionally beta, from the next slot on (an admin"
              + " operation)")
  @AdminOnly
  @PutMapping("/policy")
  PolicyView switchPolicy(@Valid @RequestBody PolicyRequest request) {
    return policies.switchTo(request.spec(), request.beta());
  }
}
