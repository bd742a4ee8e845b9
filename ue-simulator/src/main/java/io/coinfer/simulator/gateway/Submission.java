package io.coinfer.simulator.gateway;

import io.coinfer.contracts.api.JobView;

/**
 * The gateway's answer to a job submission.
 *
 * @param jobId the job id
 * @param finished the job with its terminal result, when it finished within the requested wait;
 *     null when it is still pending and must be polled
 */
public record Submission(String jobId, JobView finished) {}
