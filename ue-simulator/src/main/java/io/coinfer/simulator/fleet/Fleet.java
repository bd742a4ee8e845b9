package io.coinfer.simulator.fleet;

import io.coinfer.contracts.api.RegisterUeRequest;
import io.coinfer.contracts.api.UeRegistration;
import io.coinfer.simulator.SimulatorSettings;
import io.coinfer.simulator.gateway.GatewayClient;
import io.coinfer.simulator.image.ImagePool;
import io.coinfer.simulator.report.JobLedger;
import io.coinfer.simulator.report.RunSummary;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running fleet of simulated UEs. {@link #start} registers every UE with the gateway and starts
 * the clock: at every slot each UE reports its state if it changed or its heartbeat is due, and it
 * submits its jobs as they arrive (Poisson, from the {@link FleetPlan}). A UE submits its first job
 * only once the gateway holds a decision for it, or once the settings' {@code firstDecisionWait}
 * has passed since the clock started; the UEs still without a decision then submit anyway, and the
 * fleet logs one warning naming how many they are. After the settings' duration (or {@link #stop})
 * no job arrives any more; the fleet waits up to the grace period for the jobs in flight and then
 * completes {@link #finished()} with the final summary.
 */
public final class Fleet implements AutoCloseable {

  /** Images per class of the pool the UEs draw their images from. */
  static final int IMAGES_PER_CLASS = 10;

  private static final Logger LOG = LoggerFactory.getLogger(Fleet.class);

  private static final long REGISTRATION_TIMEOUT_S = 30;

  private final SimulatorSettings settings;
  private final GatewayClient client;
  private final ScheduledExecutorService clock;
  private final JobLedger ledger;
  private final List<SimulatedUe> ues;
  private final AtomicBoolean stopped = new AtomicBoolean();
  private final AtomicBoolean ended = new AtomicBoolean();
  private final CompletableFuture<RunSummary> finished = new CompletableFuture<>();
  private final List<ScheduledFuture<?>> timers = new ArrayList<>();

  private Fleet(
      SimulatorSettings settings,
      GatewayClient client,
      ScheduledExecutorService clock,
      List<SimulatedUe> ues,
      JobLedger ledger) {
    this.settings = settings;
    this.client = client;
    this.clock = clock;
    this.ues = ues;
    this.ledger = ledger;
  }

  /**
   * Registers the fleet with the gateway and starts it.
   *
   * @param settings the fleet's settings
   * @return the running fleet
   * @throws IllegalStateException when the UEs cannot register (the message names the gateway and
   *     its answer)
   */
  public static Fleet start(SimulatorSettings settings) {
    FleetPlan plan = FleetPlan.draw(settings);
    ImagePool images = ImagePool.synthetic(IMAGES_PER_CLASS, settings.imageSize(), settings.seed());
    GatewayClient client = new GatewayClient(settings.gateway(), settings.maxConcurrentRequests());
    // the registrations publish each UE's first state: count it as reported from before they start
    long registeringNanos = System.nanoTime();
    List<UeRegistration> registrations = register(settings, plan, client);
    ScheduledExecutorService clock =
        Executors.newScheduledThreadPool(
            2,
            r -> {
              Thread t = new Thread(r, "ue-simulator-clock");
              t.setDaemon(true);
              return t;
            });
    long startNanos = System.nanoTime();
    JobLedger ledger = new JobLedger(settings.ues(), startNanos);
    List<SimulatedUe> ues = new ArrayList<>();
    Fleet fleet = new Fleet(settings, client, clock, ues, ledger);
    for (int i = 0; i < plan.ues().size(); i++) {
      UeRegistration r = registrations.get(i);
      ues.add(
          new SimulatedUe(
              fleet, plan.ues().get(i), r.ue().ueId(), r.token(), images, registeringNanos));
    }
    fleet.begin(startNanos);
    return fleet;
  }

  private static List<UeRegistration> register(
      SimulatorSettings settings, FleetPlan plan, GatewayClient client) {
    List<CompletableFuture<UeRegistration>> pending = new ArrayList<>();
    for (UePlan ue : plan.ues()) {
      pending.add(
          client.register(
              new RegisterUeRequest(
                  settings.net().id(),
                  settings.deviceProfile(),
                  ue.distanceM(),
                  settings.pmaxW())));
    }
    try {
      CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new))
          .get(REGISTRATION_TIMEOUT_S, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw new IllegalStateException(
          "cannot register "
              + settings.ues()
              + " UEs at "
              + settings.gateway()
              + ": "
              + e.getCause().getMessage(),
          e.getCause());
    } catch (TimeoutException e) {
      throw new IllegalStateException(
          "the gateway at "
              + settings.gateway()
              + " did not register the UEs within "
              + REGISTRATION_TIMEOUT_S
              + " s",
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while registering UEs", e);
    }
    return pending.stream().map(CompletableFuture::join).toList();
  }

  private void begin(long startNanos) {
    long slotNanos = settings.slot().toNanos();
    synchronized (timers) {
      timers.add(
          clock.scheduleAtFixedRate(
              () ->
                  ues.forEach(
                      ue -> {
                        ue.awaitFirstDecision();
                        ue.reportState();
                      }),
              0,
              slotNanos,
              TimeUnit.NANOSECONDS));
      timers.add(
          clock.schedule(
              this::stopWaitingForDecisions,
              settings.firstDecisionWait().toNanos(),
              TimeUnit.NANOSECONDS));
      timers.add(clock.schedule(this::stop, settings.duration().toNanos(), TimeUnit.NANOSECONDS));
    }
    ues.forEach(ue -> ue.scheduleArrivals(startNanos));
  }

  /** Lets every UE still waiting for its first decision submit without one, with one warning. */
  private void stopWaitingForDecisions() {
    int waiting = 0;
    for (SimulatedUe ue : ues) {
      if (ue.startSubmitting()) {
        waiting++;
      }
    }
    if (waiting > 0) {
      LOG.warn(
          "{} of {} UEs have no decision from the gateway at {} after {} ms; they submit without"
              + " one, so their jobs run with the fallback (point 5) until a decision arrives",
          waiting,
          ues.size(),
          settings.gateway(),
          settings.firstDecisionWait().toMillis());
    }
  }

  /**
   * Stops arrivals now (jobs still queued on a UE are counted as unsent) and starts the grace
   * period for the jobs in flight. Idempotent.
   */
  public void stop() {
    if (!stopped.compareAndSet(false, true)) {
      return;
    }
    for (SimulatedUe ue : ues) {
      ledger.unsent(ue.stopArrivals());
    }
    synchronized (timers) {
      timers.add(clock.schedule(this::end, settings.grace().toNanos(), TimeUnit.NANOSECONDS));
    }
    drained();
  }

  /** Ends the run early once no UE has a job in flight any more. */
  void drained() {
    if (stopped.get() && ues.stream().allMatch(SimulatedUe::idle)) {
      end();
    }
  }

  private void end() {
    if (!ended.compareAndSet(false, true)) {
      return;
    }
    ledger.close();
    synchronized (timers) {
      timers.forEach(t -> t.cancel(false));
    }
    finished.complete(ledger.summary());
  }

  /**
   * @return the ledger, for live summaries during the run
   */
  public JobLedger ledger() {
    return ledger;
  }

  /**
   * @return completes with the final summary once the run and its grace period are over
   */
  public CompletableFuture<RunSummary> finished() {
    return finished;
  }

  /**
   * @return whether the run is over (results that arrive now are not counted)
   */
  boolean ended() {
    return ended.get();
  }

  SimulatorSettings settings() {
    return settings;
  }

  GatewayClient client() {
    return client;
  }

  ScheduledExecutorService clock() {
    return clock;
  }

  /** Stops the fleet if it still runs, ends the run and stops its clock. */
  @Override
  public void close() {
    stop();
    end();
    clock.shutdownNow();
  }
}
