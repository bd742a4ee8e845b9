package io.coinfer.gateway.ue;

import io.coinfer.contracts.api.RegisterUeRequest;
import io.coinfer.contracts.api.StateReport;
import io.coinfer.contracts.events.DecisionEvent;
import io.coinfer.contracts.messaging.EventPublisher;
import io.coinfer.contracts.messaging.LatestDecisions;
import io.coinfer.contracts.web.Problems;
import io.coinfer.gateway.config.GatewaySettings;
import io.coinfer.gateway.config.KafkaBindings;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The registered UEs and their latest decisions. Every change of a UE is published to the compacted
 * topic {@code coinfer.ue-state}; a deletion publishes a tombstone.
 */
@Service
public class UeRegistry {

  private static final Logger LOG = LoggerFactory.getLogger(UeRegistry.class);

  private final Map<String, RegisteredUe> ues = new ConcurrentHashMap<>();
  private final LatestDecisions decisions = new LatestDecisions();
  private final EventPublisher publisher;
  private final GatewaySettings.Ues settings;

  /**
   * A registry that publishes through the given publisher.
   *
   * @param publisher the event publisher
   * @param settings the gateway settings
   */
  public UeRegistry(EventPublisher publisher, GatewaySettings settings) {
    this.publisher = publisher;
    this.settings = settings.ues();
  }

  /**
   * Registers a UE and publishes its first state.
   *
   * @param request the registration
   * @return the registered UE
   * @throws org.springframework.web.ErrorResponseException 400 for a net or device profile that is
   *     not served
   */
  public RegisteredUe register(RegisterUeRequest request) {
    if (!settings.nets().contains(request.net())) {
      throw Problems.badRequest(
          "net '" + request.net() + "' is not served; served: " + settings.nets());
    }
    if (!settings.deviceProfiles().contains(request.deviceProfile())) {
      throw Problems.badRequest(
          "device profile '"
              + request.deviceProfile()
              + "' is unknown; known: "
              + settings.deviceProfiles());
    }
    Instant now = Instant.now();
    RegisteredUe ue =
        new RegisteredUe(
            UUID.randomUUID().toString(),
            request.net(),
            request.deviceProfile(),
            request.distanceM(),
            request.pmaxW(),
            0,
            0,
            now,
            now);
    publisher.publish(KafkaBindings.UE_STATE_OUT, ue.ueId(), ue.toEvent(), null);
    ues.put(ue.ueId(), ue);
    return ue;
  }

  /**
   * A registered UE.
   *
   * @param ueId the UE id
   * @return the UE
   * @throws org.springframework.web.ErrorResponseException 404 if it is not registered
   */
  public RegisteredUe get(String ueId) {
    RegisteredUe ue = ues.get(ueId);
    if (ue == null) {
      throw Problems.notFound("UE " + ueId + " is not registered");
    }
    return ue;
  }

  /**
   * A registered UE that the caller may act for.
   *
   * @param ueId the UE id
   * @param callerUeId the UE id of the caller's token
   * @return the UE
   * @throws org.springframework.web.ErrorResponseException 404 if it is not registered, 403 if the
   *     caller is another UE
   */
  public RegisteredUe owned(String ueId, String callerUeId) {
    RegisteredUe ue = get(ueId);
    if (!ue.ueId().equals(callerUeId)) {
      throw Problems.forbidden("the token is bound to another UE");
    }
    return ue;
  }

  /**
   * Records a state report and publishes it.
   *
   * @param ueId the UE id
   * @param report the report
   * @return the updated UE
   */
  public RegisteredUe report(String ueId, StateReport report) {
    RegisteredUe updated =
        ues.computeIfPresent(
            ueId, (id, ue) -> ue.reported(report.tasksQueued(), report.distanceM(), Instant.now()));
    if (updated == null) {
      throw Problems.notFound("UE " + ueId + " is not registered");
    }
    publisher.publish(KafkaBindings.UE_STATE_OUT, ueId, updated.toEvent(), null);
    return updated;
  }

  /**
   * Counts a job just accepted for a UE as a state report (1 task queued, the distance unchanged)
   * and publishes it, if the UE has not reported since it registered (its registration said no task
   * was queued; the job says otherwise) or its last report is older than {@code
   * report-on-job-after}; otherwise, or with the setting at 0, does nothing. A UE that reports its
   * tasks itself, as the simulated ones do when they change and every 10 s, is left to its own
   * reports after its first.
   *
   * @param ueId the UE id
   */
  public void reportOnJob(String ueId) {
    Duration after = settings.reportOnJobAfter();
    if (after.isZero()) {
      return;
    }
    Instant now = Instant.now();
    RegisteredUe[] reported = new RegisteredUe[1];
    ues.computeIfPresent(
        ueId,
        (id, ue) -> {
          if (ue.sequence() > 0 && ue.lastReportAt().plus(after).isAfter(now)) {
            return ue;
          }
          reported[0] = ue.reported(1, null, now);
          return reported[0];
        });
    if (reported[0] == null) {
      return;
    }
    try {
      publisher.publish(KafkaBindings.UE_STATE_OUT, ueId, reported[0].toEvent(), null);
    } catch (IllegalStateException e) {
      // the job is accepted already; a later job or report publishes the UE's state again
      LOG.warn("state of UE {} on its job not published: {}", ueId, e.getMessage());
    }
  }

  /**
   * Deregisters a UE and publishes a tombstone for it.
   *
   * @param ueId the UE id
   */
  public void delete(String ueId) {
    if (ues.remove(ueId) == null) {
      throw Problems.notFound("UE " + ueId + " is not registered");
    }
    decisions.forget(ueId);
    publisher.tombstone(KafkaBindings.UE_STATE_OUT, ueId);
  }

  /**
   * Records the latest decision for a UE (from {@code coinfer.decisions}); an older slot never
   * replaces a newer one.
   *
   * @param decision the decision
   */
  public void onDecision(DecisionEvent decision) {
    if (ues.containsKey(decision.ueId())) {
      decisions.record(decision);
    }
  }

  /**
   * The latest decision for a UE.
   *
   * @param ueId the UE id
   * @return the decision, or empty before the first one
   */
  public Optional<DecisionEvent> latestDecision(String ueId) {
    return decisions.of(ueId);
  }
}
