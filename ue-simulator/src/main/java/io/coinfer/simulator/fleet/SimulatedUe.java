package io.coinfer.simulator.fleet;

import io.coinfer.contracts.api.JobView;
import io.coinfer.contracts.api.StateReport;
import io.coinfer.contracts.events.JobStatus;
import io.coinfer.simulator.SimulatorSettings;
import io.coinfer.simulator.gateway.GatewayException;
import io.coinfer.simulator.image.ImagePool;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One simulated UE: a FIFO of arrived tasks (at most {@code maxQueuedPerUe}; a task arriving to a
 * full queue is dropped and counted as unsent), of which at most {@code inFlightPerUe} are
 * submitted and not yet finished at once. The UE submits nothing before the gateway holds its first
 * decision: at every slot it asks for it ({@code GET /api/v1/ues/{id}/decision}, at most one
 * question open), and its tasks queue until the answer is a decision or the fleet stops waiting
 * ({@code firstDecisionWait}, {@link #startSubmitting}). Each task is an image of the pool, chosen
 * by the UE's seed in arrival order. A submission refused with 429 or 503 counts as rejected; the
 * task goes back to the head of the queue and the UE submits nothing until the answer's {@code
 * Retry-After} has passed. At every slot the UE reports its state (tasks queued and in flight,
 * distance) if it changed since the last report the gateway took, or if that report is {@code
 * stateHeartbeat} old ({@link ReportSchedule}); the UE's first heartbeat comes after a fraction of
 * the period set by its index, so the fleet's heartbeats are spread over the period. A UE has at
 * most one state report open: a slot whose report finds the previous one still open skips its
 * report, so the fleet's open requests stay bounded by {@code ues x (inFlightPerUe + 1)} (a UE that
 * asks for its first decision has no job in flight yet).
 */
final class SimulatedUe {

  private final Fleet fleet;
  private final UePlan plan;
  private final String ueId;
  private final String token;
  private final ImagePool images;
  private final SplittableRandom choice;
  private final Deque<Integer> queued = new ArrayDeque<>();
  private final AtomicBoolean reporting = new AtomicBoolean();
  private final AtomicBoolean asking = new AtomicBoolean();
  private final ReportSchedule reports;
  private int inFlight;
  private boolean stopped;

  /** Whether the UE may submit: its first decision came, or the fleet stopped waiting for it. */
  private boolean submitting;

  private long pausedUntilNanos;

  /**
   * A UE as registered: no task queued, at its plan's distance.
   *
   * @param fleet the fleet it belongs to
   * @param plan its part of the fleet's plan
   * @param ueId the id the gateway gave it
   * @param token its bearer token
   * @param images the pool its images come from
   * @param registeredAtNanos when the gateway registered it ({@link System#nanoTime()})
   */
  SimulatedUe(
      Fleet fleet,
      UePlan plan,
      String ueId,
      String token,
      ImagePool images,
      long registeredAtNanos) {
    this.fleet = fleet;
    this.plan = plan;
    this.ueId = ueId;
    this.token = token;
    this.images = images;
    this.choice = new SplittableRandom(plan.imageSeed());
    Duration heartbeat = fleet.settings().stateHeartbeat();
    long spread = heartbeat.toNanos() / fleet.settings().ues() * plan.index();
    this.reports = new ReportSchedule(heartbeat, state(0), registeredAtNanos - spread);
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

  /**
   * Asks the gateway for this UE's first decision, unless the UE submits already, arrivals have
   * stopped or the previous slot's question is still open; once the answer is a decision the UE
   * starts submitting. An error answer (other than 404, no decision yet) counts as no decision.
   */
  void awaitFirstDecision() {
    synchronized (this) {
      if (submitting || stopped) {
        return;
      }
    }
    if (!asking.compareAndSet(false, true)) {
      return;
    }
    fleet
        .client()
        .decision(ueId, token)
        .whenComplete(
            (decision, error) -> {
              asking.set(false);
              if (decision != null && decision.isPresent()) {
                startSubmitting();
              }
            });
  }

  /**
   * Lets the UE submit its queued tasks from now on, with or without a decision.
   *
   * @return whether it was still waiting for its first decision
   */
  boolean startSubmitting() {
    synchronized (this) {
      if (submitting) {
        return false;
      }
      submitting = true;
    }
    pump();
    return true;
  }

  /**
   * Reports the tasks waiting on this UE (queued and in flight) and its distance, if they changed
   * since the last report or the heartbeat is due.
   */
  void reportState() {
    if (!reporting.compareAndSet(false, true)) {
      return; // the previous slot's report is still open
    }
    StateReport state;
    long now = System.nanoTime();
    synchronized (this) {
      state = state(queued.size() + inFlight);
      if (!reports.due(state, now)) {
        reporting.set(false);
        return;
      }
    }
    fleet
        .client()
        .report(ueId, token, state)
        .whenComplete(
            (ok, error) -> {
              if (error == null) {
                synchronized (this) {
                  reports.taken(state, now);
                }
              }
              reporting.set(false);
            });
  }

  private StateReport state(int tasks) {
    return new StateReport(tasks, plan.distanceM());
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
      int image = choice.nextInt(images.size());
      if (queued.size() >= fleet.settings().maxQueuedPerUe()) {
        fleet.ledger().unsent(1);
      } else {
        queued.add(image);
      }
    }
    pump();
    return true;
  }

  private void pump() {
    List<Integer> start = new ArrayList<>();
    synchronized (this) {
      int limit = fleet.settings().inFlightPerUe();
      while (submitting
          && inFlight < limit
          && !queued.isEmpty()
          && System.nanoTime() - pausedUntilNanos >= 0) {
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
                retryAfter(error).ifPresentOrElse(wait -> retryLater(image, wait), this::done);
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

  /** Puts a refused task back at the head of the queue and pauses submissions for a while. */
  private void retryLater(int image, Duration wait) {
    synchronized (this) {
      inFlight--;
      if (stopped) {
        fleet.ledger().unsent(1);
      } else {
        queued.addFirst(image);
        pausedUntilNanos = System.nanoTime() + wait.toNanos();
      }
    }
    fleet.clock().schedule(this::pump, wait.toNanos(), TimeUnit.NANOSECONDS);
    fleet.drained();
  }

  private static Optional<Duration> retryAfter(Throwable error) {
    return cause(error) instanceof GatewayException g && (g.status() == 429 || g.status() == 503)
        ? g.retryAfter()
        : Optional.empty();
  }

  private static String reason(Throwable error) {
    return cause(error) instanceof GatewayException g ? "rejected:" + g.status() : "unreachable";
  }

  private static Throwable cause(Throwable error) {
    return error instanceof CompletionException && error.getCause() != null
        ? error.getCause()
        : error;
  }
}
