package io.coinfer.simulator.fleet;

import io.coinfer.contracts.api.JobView;
import io.coinfer.contracts.api.StateReport;
import io.coinfer.contracts.events.JobStatus;
import io.coinfer.simulator.SimulatorSettings;
import io.coinfer.simulator.gateway.GatewayException;
import io.coinfer.simulator.image.ImagePool;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.SplittableRandom;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

/**
 * One simulated UE: a FIFO of arrived tasks, of which at most {@code inFlightPerUe} are submitted
 * and not yet finished at once. Each task is an image of the pool, chosen by the UE's seed in
 * arrival order.
 */
final class SimulatedUe {

  private final Fleet fleet;
  private final UePlan plan;
  private final String ueId;
  private final String token;
  private final ImagePool images;
  private final SplittableRandom choice;
  private final Queue<Integer> queued = new ArrayDeque<>();
  private int inFlight;
  private boolean stopped;

  SimulatedUe(Fleet fleet, UePlan plan, String ueId, String token, ImagePool images) {
    this.fleet = fleet;
    this.plan = plan;
    this.ueId = ueId;
    this.token = token;
    this.images = images;
    this.choice = new SplittableRandom(plan.imageSeed());
  }

  /**
   * Schedules the plan's arrivals on the fleet's clock, one at a time: each arrival schedules the
   * next.
   *
   * @param startNanos the {@link System#nanoTime()} the plan's times count from
   */
  void scheduleArrivals(long startNanos) {
    scheduleArrival(startNanos, plan.arrivalsS(), 0);
  }

  private void scheduleArrival(long startNanos, double[] times, int next) {
    if (next >= times.length) {
      return;
    }
    long delay = startNanos + Math.round(times[next] * 1e9) - System.nanoTime();
    fleet
        .clock()
        .schedule(
            () -> {
              if (arrive()) {
                scheduleArrival(startNanos, times, next + 1);
              }
            },
            Math.max(0, delay),
            TimeUnit.NANOSECONDS);
  }

  /** Reports the tasks waiting on this UE (queued and in flight) and its distance. */
  void reportState() {
    int tasks;
    synchronized (this) {
      tasks = queued.size() + inFlight;
    }
    fleet.client().report(ueId, token, new StateReport(tasks, plan.distanceM()));
  }

  /**
   * Stops arrivals and drops the tasks not yet submitted.
   *
   * @return how many were dropped
   */
  synchronized int stopArrivals() {
    stopped = true;
    int dropped = queued.size();
    queued.clear();
    return dropped;
  }

  synchronized boolean idle() {
    return inFlight == 0;
  }

  /** A task arrives, unless arrivals have stopped; returns whether it did. */
  private boolean arrive() {
    synchronized (this) {
      if (stopped) {
        return false;
      }
      fleet.ledger().arrived();
      queued.add(choice.nextInt(images.size()));
    }
    pump();
    return true;
  }

  private void pump() {
    List<Integer> start = new ArrayList<>();
    synchronized (this) {
      int limit = fleet.settings().inFlightPerUe();
      while (inFlight < limit && !queued.isEmpty()) {
        start.add(queued.poll());
        inFlight++;
      }
    }
    start.forEach(this::submit);
  }

  private void submit(int image) {
    SimulatorSettings settings = fleet.settings();
    long t0 = System.nanoTime();
    fleet
        .client()
        .submit(ueId, token, ImagePool.CONTENT_TYPE, images.png(image), settings.resultWait())
        .whenComplete(
            (submission, error) -> {
              if (error != null) {
                fleet.ledger().rejected(reason(error));
                done();
              } else if (submission.finished() != null) {
                finished(submission.finished(), t0, image);
              } else {
                fleet.ledger().accepted(submission.jobId());
                poll(submission.jobId(), t0, image);
              }
            });
  }

  private void poll(String jobId, long t0, int image) {
    fleet
        .clock()
        .schedule(
            () ->
                fleet
                    .client()
                    .job(jobId, token)
                    .whenComplete(
                        (view, error) -> {
                          if (view != null && view.status() != JobStatus.PENDING) {
                            finished(view, t0, image);
                          } else if (fleet.ended()) {
                            done();
                          } else {
                            poll(jobId, t0, image);
                          }
                        }),
            fleet.settings().pollInterval().toNanos(),
            TimeUnit.NANOSECONDS);
  }

  private void finished(JobView view, long t0, int image) {
    fleet.ledger().finished(view, (System.nanoTime() - t0) / 1e9, images.label(image));
    done();
  }

  private void done() {
    synchronized (this) {
      inFlight--;
    }
    pump();
    fleet.drained();
  }

  private static String reason(Throwable error) {
    Throwable cause =
        error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    return cause instanceof GatewayException g ? "rejected:" + g.status() : "unreachable";
  }
}
