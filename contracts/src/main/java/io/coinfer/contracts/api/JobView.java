package io.coinfer.contracts.api;

import io.coinfer.contracts.events.JobStatus;
import io.coinfer.contracts.events.ResultEvent;
import java.time.Instant;

/**
 * A job and, once it is terminal, its result.
 *
 * @param jobId the job id
 * @param ueId the UE that submitted it
 * @param status pending, done or failed
 * @param submittedAt when the gateway accepted it
 * @param result the terminal result (top-5, decision, accounting, edge timing, end-to-end latency),
 *     or null while pending
 */
public record JobView(
    String jobId, String ueId, JobStatus status, Instant submittedAt, ResultEvent result) {}
