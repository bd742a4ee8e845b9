package io.coinfer.gateway.ue;

import io.coinfer.contracts.api.UeView;
import io.coinfer.contracts.events.Event;
import io.coinfer.contracts.events.UeStateEvent;
import java.time.Instant;

/**
 * A registered UE, as the gateway holds it (immutable; a report replaces it).
 *
 * @param ueId the UE id
 * @param net the DNN it runs
 * @param deviceProfile its device profile
 * @param distanceM distance to the edge server, metres
 * @param pmaxW maximum transmit power, watts
 * @param tasksQueued tasks waiting at its last report
 * @param sequence its report count, from 0 at registration
 * @param registeredAt when it registered
 * @param lastReportAt when it last reported
 */
public record RegisteredUe(
    String ueId,
    String net,
    String deviceProfile,
    double distanceM,
    double pmaxW,
    int tasksQueued,
    long sequence,
    Instant registeredAt,
    Instant lastReportAt) {

  /**
   * The UE after a state report.
   *
   * @param tasks tasks queued now
   * @param distance the new distance, metres, or null if unchanged
   * @param at when the report was accepted
   * @return the updated UE
   */
  RegisteredUe reported(int tasks, Double distance, Instant at) {
    return new RegisteredUe(
        ueId,
        net,
        deviceProfile,
        distance == null ? distanceM : distance,
        pmaxW,
        tasks,
        sequence + 1,
        registeredAt,
        at);
  }

  /**
   * The state event of this UE.
   *
   * @return the event for {@code coinfer.ue-state}
   */
  UeStateEvent toEvent() {
    return new UeStateEvent(
        Event.SCHEMA_VERSION,
        ueId,
        net,
        deviceProfile,
        distanceM,
        pmaxW,
        tasksQueued,
        sequence,
        lastReportAt);
  }

  /**
   * The REST view of this UE.
   *
   * @return the view
   */
  public UeView toView() {
    return new UeView(
        ueId, net, deviceProfile, distanceM, pmaxW, tasksQueued, registeredAt, lastReportAt);
  }
}
