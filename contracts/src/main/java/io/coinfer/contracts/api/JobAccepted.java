package io.coinfer.contracts.api;

import io.coinfer.contracts.events.JobStatus;

/**
 * The answer to an accepted job.
 *
 * @param jobId the job id
 * @param status {@link JobStatus#PENDING}
 * @param location the path to poll for the result, {@code /api/v1/jobs/{jobId}}
 */
public record JobAccepted(String jobId, JobStatus status, String location) {}
