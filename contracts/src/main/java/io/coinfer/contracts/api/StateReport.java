package io.coinfer.contracts.api;

import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;

/**
 * A UE's state report.
 *
 * @param tasksQueued tasks waiting on the UE, including the one in flight (&ge; 0)
 * @param distanceM the UE's new distance to the edge server, metres (&gt; 0), or null if unchanged
 */
public record StateReport(@PositiveOrZero int tasksQueued, @Positive Double distanceM) {}
