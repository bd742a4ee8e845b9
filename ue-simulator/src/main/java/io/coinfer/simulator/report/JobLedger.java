package io.coinfer.simulator.report;

import io.coinfer.contracts.api.JobView;
import io.coinfer.contracts.events.ClassScore;
import io.coinfer.contracts.events.JobStatus;
import io.coinfer.contracts.events.ResultEvent;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The thread-safe record of a fleet's jobs: each arrival, each acceptance (with its job id), each
 * refusal and each terminal result with the latency the UE saw. {@link #summary} turns it into a
 * {@link RunSummary} at any moment; {@link #close} marks the end of the grace period, after which
 * every accepted job without a result counts as lost.
 */
public final class JobLedger {

  private final int ues;
  private final long startNanos;
  private final Set<String> pending = new HashSet<>();
  private final Set<String> terminal = new HashSet<>();
  private final SortedMap<Integer, Long> points = new TreeMap<>();
  private final SortedMap<String, Long> policies = new TreeMap<>();
  private final SortedMap<String, Long> failures = new TreeMap<>();
  private final Samples latencies = new Samples();
  private final Samples overheads = new Samples();
  private final Samples dnn = new Samples();
  private final Samples modelLatencies = new Samples();
  private long arrived;
  private long rejected;
  private long failed;
  private long correct;
  private long unsent;
  private double energySum;
  private long energyCount;
  private boolean closed;
  private double closedElapsedS;

  /**
   * @param ues the fleet's size
   * @param startNanos the {@link System#nanoTime()} at which jobs may start to arrive
   */
  public JobLedger(int ues, long startNanos) {
    this.ues = ues;
    this.startNanos = startNanos;
  }

  /** A job arrived at its UE. */
  public synchronized void arrived() {
    arrived++;
  }

  /**
   * The gateway accepted a job.
   *
   * @param jobId its id
   */
  public synchronized void accepted(String jobId) {
    if (!terminal.contains(jobId)) {
      pending.add(jobId);
    }
  }

  /**
   * A submission got no job id.
   *
   * @param why {@code rejected:<status>} or {@code unreachable}
   */
  public synchronized void rejected(String why) {
    rejected++;
    failures.merge(why, 1L, Long::sum);
  }

  /**
   * Jobs that were still queued on their UE when arrivals stopped.
   *
   * @param count how many
   */
  public synchronized void unsent(int count) {
    unsent += count;
  }

  /**
   * An accepted job reached its terminal result. A second result for the same job is ignored, as is
   * a result after {@link #close}.
   *
   * @param job the terminal job
   * @param latencyS the end-to-end latency the UE saw, seconds
   * @param trueLabel the class of the submitted image
   */
  public synchronized void finished(JobView job, double latencyS, String trueLabel) {
    if (closed || job.status() == JobStatus.PENDING || !terminal.add(job.jobId())) {
      return;
    }
    pending.remove(job.jobId());
    ResultEvent result = job.result();
    if (job.status() == JobStatus.FAILED) {
      failed++;
      failures.merge(
          result == null || result.reason() == null ? "unknown" : result.reason().name(),
          1L,
          Long::sum);
      return;
    }
    latencies.add(latencyS);
    if (result == null) {
      return;
    }
    if (result.edge() != null) {
      dnn.add(result.edge().dnnS());
      overheads.add(latencyS - result.edge().dnnS());
    }
    if (result.accounting() != null) {
      energySum += result.accounting().energyJ();
      energyCount++;
    }
    modelLatencies.add(result.modelLatencyS());
    if (result.decision() != null) {
      points.merge(result.decision().point(), 1L, Long::sum);
      policies.merge(
          result.decision().policyId() + "@" + result.decision().policyVersion(), 1L, Long::sum);
    }
    if (!result.top5().isEmpty()) {
      ClassScore best = result.top5().get(0);
      if (best.label().equals(trueLabel)) {
        correct++;
      }
    }
  }

  /**
   * Ends the grace period: jobs still pending are lost from now on, and later results are ignored.
   */
  public synchronized void close() {
    if (!closed) {
      closedElapsedS = elapsedS();
      closed = true;
    }
  }

  /**
   * @return the summary of the jobs so far (after {@link #close}: the final summary)
   */
  public synchronized RunSummary summary() {
    double elapsed = closed ? closedElapsedS : elapsedS();
    double[] done = latencies.values();
    double[] overhead = overheads.values();
    double[] compute = dnn.values();
    double[] model = modelLatencies.values();
    int completed = done.length;
    long lost = closed ? pending.size() : 0;
    return new RunSummary(
        elapsed,
        ues,
        arrived,
        terminal.size() + pending.size(),
        rejected,
        completed,
        failed,
        closed ? 0 : pending.size(),
        lost,
        unsent,
        Percentiles.of(done, 0.50),
        Percentiles.of(done, 0.95),
        Percentiles.of(done, 0.99),
        Percentiles.mean(done),
        Percentiles.of(overhead, 0.50),
        Percentiles.of(overhead, 0.95),
        Percentiles.of(overhead, 0.99),
        Percentiles.of(compute, 0.50),
        Percentiles.mean(model),
        Percentiles.of(model, 0.95),
        Percentiles.of(model, 1.0),
        energyCount == 0 ? Double.NaN : energySum / energyCount,
        elapsed > 0 ? completed / elapsed : 0,
        completed == 0 ? Double.NaN : (double) correct / completed,
        points,
        policies,
        failures);
  }

  private double elapsedS() {
    return Math.max(0, System.nanoTime() - startNanos) / 1e9;
  }

  /** A growing array of samples (guarded by the ledger's lock). */
  private static final class Samples {
    private double[] values = new double[256];
    private int size;

    void add(double value) {
      if (size == values.length) {
        values = Arrays.copyOf(values, size * 2);
      }
      values[size++] = value;
    }

    double[] values() {
      return Arrays.copyOf(values, size);
    }
  }
}
