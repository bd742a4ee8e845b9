package io.coinfer.contracts.api;

import java.time.Instant;

/**
 * A registered UE as the gateway knows it.
 *
 * @param ueId the UE id
 * @param net the DNN it runs
 * @param deviceProfile its device profile
 * @param distanceM distance to the edge server, metres
 * @param pmaxW maximum transmit power, watts
 * @param tasksQueued tasks waiting on the UE at its last report
 * @param registeredAt when it registered
 * @param lastReportAt when it last reported its state
 */
public record UeView(
    String ueId,
    String net,
    String deviceProfile,
    double distanceM,
    double pmaxW,
    int tasksQueued,
    Instant registeredAt,
    Instant lastReportAt) {}
