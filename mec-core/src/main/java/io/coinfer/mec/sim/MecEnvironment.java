package io.coinfer.mec.sim;

import io.coinfer.mec.profile.Net;
import io.coinfer.mec.profile.PointProfile;
import io.coinfer.mec.radio.Uplink;
import java.util.Arrays;

/**
 * The slot simulator of the paper as an MDP: N UEs work through their task batches, each task a
 * compute phase (head at the chosen point) then a transmit phase (payload over the shared uplink);
 * time inside a slot advances from event to event (the earliest phase end of any UE), with every
 * rate recomputed whenever the set of transmitters may have changed.
 *
 * <p>Semantics (the published simulator's): at slot start each UE's action is applied: power at
 * once (also to a transmission in flight), point and sub-channel to the next task the UE starts.
 * Energy is {@code head_watts x compute time + power x transmit time}. A phase whose remaining time
 * is within 1e-10 s of the step ends in that step. The episode is done when every UE has finished
 * its batch.
 *
 * <p>With the edge-compute option (off in paper-faithful mode) a transmitted task is not finished
 * yet: it joins one FIFO queue at the edge (by arrival time, ties by UE index) and is finished when
 * the edge has run its decoder and tail ({@code edge_tail_seconds} of its point) without
 * preemption. The UE meanwhile starts its next task; UE energy is unchanged.
 *
 * <p>Not thread-safe. {@link #step(int[], int[], double[], double[])} allocates nothing.
 */
public final class MecEnvironment {

  /** A phase whose remaining time is within this of the step ends in that step, in seconds. */
  public static final double EPSILON_SECONDS = 1e-10;

  private static final int COMPUTE = 0;
  private static final int TRANSMIT = 1;
  private static final int IDLE = 2;
  private static final int STATE_PER_UE = 4;

  private final ScenarioConfig cfg;
  private final Scenario scenario;
  private final Uplink uplink;
  private final int n;
  private final double slotSeconds;
  private final double timeScale;

  private final double[] headSeconds = new double[Net.POINTS];
  private final double[] headWatts = new double[Net.POINTS];
  private final double[] payloadBits = new double[Net.POINTS];
  private final double[] edgeSeconds = new double[Net.POINTS];

  private final double[] distance;
  private final double[] pathLoss;
  private final int[] totalTasks;
  private final int[] tasksLeft;
  private final int[] phase;
  private final int[] point;
  private final int[] channel;
  private final int[] nextPoint;
  private final int[] nextChannel;
  private final double[] power;
  private final double[] received;
  private final double[] rate;
  private final boolean[] transmitting;
  private final int[] rateChannel;
  private boolean ratesStale;
  private final double[] timeLeft;
  private final double[] bitsLeft;
  private final double[] computeWatts;
  private final double[] taskStart;
  private final double[] channelScratch;

  private final int[] finishedInSlot;
  private final double[] energyInSlot;

  private final boolean edgeCompute;
  private int[] queueUe = new int[16];
  private double[] queueTaskStart = new double[16];
  private double[] queueWork = new double[16];
  private int queueHead;
  private int queueSize;
  private boolean edgeBusy;
  private int edgeUe;
  private double edgeLeft;
  private double edgeTaskStart;

  private boolean ready;
  private boolean done;
  private int slot;
  private int episodeTasks;
  private int episodeFinished;
  private double episodeEnergy;
  private double lastCompletion;
  private double[] latencies = new double[0];
  private int latencyCount;

  /**
   * @param cfg the system
   * @param scenario how {@link #reset(long)} draws episodes
   */
  public MecEnvironment(ScenarioConfig cfg, Scenario scenario) {
    this.cfg = cfg;
    this.scenario = scenario;
    this.uplink = cfg.uplink();
    this.n = cfg.ues();
    this.slotSeconds = cfg.slotSeconds();
    this.timeScale = cfg.fullLocalSeconds();
    for (PointProfile p : cfg.profile().points(cfg.net())) {
      headSeconds[p.point()] = p.headSeconds();
      headWatts[p.point()] = p.headWatts();
      payloadBits[p.point()] = p.payloadBits();
      edgeSeconds[p.point()] = p.edgeTailSeconds().orElse(0.0);
    }
    this.edgeCompute = cfg.edgeCompute();
    distance = new double[n];
    pathLoss = new double[n];
    totalTasks = new int[n];
    tasksLeft = new int[n];
    phase = new int[n];
    point = new int[n];
    channel = new int[n];
    nextPoint = new int[n];
    nextChannel = new int[n];
    power = new double[n];
    received = new double[n];
    rate = new double[n];
    transmitting = new boolean[n];
    rateChannel = new int[n];
    timeLeft = new double[n];
    bitsLeft = new double[n];
    computeWatts = new double[n];
    taskStart = new double[n];
    channelScratch = new double[cfg.channels()];
    finishedInSlot = new int[n];
    energyInSlot = new double[n];
  }

  /**
   * Starts an episode drawn by this environment's scenario.
   *
   * @param seed the episode seed (the test scenario ignores it)
   * @return the initial normalised state, {@link #stateSize()} numbers
   */
  public double[] reset(long seed) {
    return reset(scenario.draw(cfg, seed));
  }

  /**
   * Starts an episode from a given setup; every UE starts its first task at time 0.
   *
   * @param setup distances, batches and initial actions, one per UE
   * @return the initial normalised state
   */
  public double[] reset(EpisodeSetup setup) {
    if (setup.ues() != n) {
      throw new IllegalArgumentException("setup has " + setup.ues() + " UEs, the environment " + n);
    }
    for (int i = 0; i < n; i++) {
      Action a = setup.initialActions()[i];
      validate(i, a.point(), a.channel(), a.powerWatts());
      if (setup.tasks()[i] < 1) {
        throw new IllegalArgumentException(
            "UE " + i + " has " + setup.tasks()[i] + " tasks, need >= 1");
      }
      if (!(setup.distancesMeters()[i] > 0)) {
        throw new IllegalArgumentException(
            "UE " + i + " distance must be > 0 m, got " + setup.distancesMeters()[i]);
      }
    }
    episodeTasks = setup.totalTasks();
    if (latencies.length < episodeTasks) {
      latencies = new double[episodeTasks];
    }
    latencyCount = 0;
    episodeFinished = 0;
    episodeEnergy = 0;
    lastCompletion = 0;
    slot = 0;
    done = false;
    queueHead = 0;
    queueSize = 0;
    edgeBusy = false;
    for (int i = 0; i < n; i++) {
      Action a = setup.initialActions()[i];
      distance[i] = setup.distancesMeters()[i];
      pathLoss[i] = Math.pow(distance[i], cfg.pathLossExponent());
      totalTasks[i] = setup.tasks()[i];
      tasksLeft[i] = totalTasks[i];
      point[i] = a.point();
      channel[i] = a.channel();
      nextPoint[i] = a.point();
      nextChannel[i] = a.channel();
      power[i] = a.powerWatts();
      received[i] = power[i] / pathLoss[i];
      finishedInSlot[i] = 0;
      energyInSlot[i] = 0;
      startTask(i, 0.0);
    }
    Arrays.fill(transmitting, false);
    ratesStale = true;
    ready = true;
    double[] state = new double[stateSize()];
    writeState(state);
    return state;
  }

  /**
   * Runs one slot with one action per UE.
   *
   * @param actions one per UE
   * @return the new state, the reward, done and what the slot did (freshly allocated)
   */
  public StepResult step(Action[] actions) {
    if (actions.length != n) {
      throw new IllegalArgumentException("got " + actions.length + " actions for " + n + " UEs");
    }
    int[] points = new int[n];
    int[] channels = new int[n];
    double[] powers = new double[n];
    for (int i = 0; i < n; i++) {
      points[i] = actions[i].point();
      channels[i] = actions[i].channel();
      powers[i] = actions[i].powerWatts();
    }
    double[] state = new double[stateSize()];
    double reward = step(points, channels, powers, state);
    return new StepResult(
        state, reward, done, slotSeconds, finishedInSlot.clone(), energyInSlot.clone());
  }

  /**
   * Runs one slot without allocating: the allocation-free form for training loops. What the slot
   * did is then available from {@link #done()}, {@link #slotFinished(int)} and {@link
   * #slotEnergy(int)}.
   *
   * @param points point 0..5 per UE, for each UE's next task
   * @param channels sub-channel 0..C-1 per UE, for each UE's next task
   * @param powers transmit power per UE in (0, pmax] watts, applied at once
   * @param stateOut receives the new normalised state ({@link #stateSize()} numbers)
   * @return the reward of the slot
   * @throws IllegalStateException when the episode is over or was never reset
   * @throws IllegalArgumentException when an action is out of range
   */
  public double step(int[] points, int[] channels, double[] powers, double[] stateOut) {
    if (!ready) {
      throw new IllegalStateException("call reset before step");
    }
    if (done) {
      throw new IllegalStateException("the episode is over (every UE finished); call reset");
    }
    for (int i = 0; i < n; i++) {
      validate(i, points[i], channels[i], powers[i]);
    }
    for (int i = 0; i < n; i++) {
      nextPoint[i] = points[i];
      nextChannel[i] = channels[i];
      power[i] = powers[i];
      received[i] = power[i] / pathLoss[i];
      finishedInSlot[i] = 0;
      energyInSlot[i] = 0;
    }
    ratesStale = true;
    double slotStart = slot * slotSeconds;
    double elapsed = 0;
    double dt = nextEventDelay();
    while (elapsed + dt < slotSeconds) {
      advance(dt, slotStart + elapsed + dt);
      elapsed += dt;
      dt = nextEventDelay();
    }
    if (slotSeconds - elapsed > 0) {
      advance(slotSeconds - elapsed, slotStart + slotSeconds);
    }
    slot++;
    done = allFinished();
    double energy = 0;
    double finished = 0;
    for (int i = 0; i < n; i++) {
      energy += energyInSlot[i];
      finished += finishedInSlot[i];
    }
    episodeEnergy += energy;
    writeState(stateOut);
    return reward(energy / n, finished / n);
  }

  /**
   * The paper's reward of a slot: {@code -(T / max(f, 0.8)) - beta (E / max(f, 0.8))}.
   *
   * @param meanEnergyJoules E, the mean energy spent per UE in the slot
   * @param meanFinished f, the mean number of tasks finished per UE in the slot
   * @return the reward
   */
  public double reward(double meanEnergyJoules, double meanFinished) {
    double denominator = Math.max(meanFinished, 0.8);
    return -(slotSeconds / denominator) - cfg.beta() * (meanEnergyJoules / denominator);
  }

  private void validate(int ue, int p, int c, double watts) {
    if (p < 0 || p >= Net.POINTS) {
      throw new IllegalArgumentException("UE " + ue + ": point " + p + " is outside 0..5");
    }
    if (c < 0 || c >= cfg.channels()) {
      throw new IllegalArgumentException(
          "UE " + ue + ": sub-channel " + c + " is outside 0.." + (cfg.channels() - 1));
    }
    if (!(watts > 0) || watts > cfg.pmaxWatts() * (1 + 1e-12)) {
      throw new IllegalArgumentException(
          "UE " + ue + ": power " + watts + " W is outside (0, " + cfg.pmaxWatts() + "] W");
    }
  }

  private void startTask(int i, double now) {
    int p = point[i];
    taskStart[i] = now;
    timeLeft[i] = headSeconds[p];
    bitsLeft[i] = payloadBits[p];
    if (p == Net.EDGE_POINT) {
      phase[i] = TRANSMIT;
      computeWatts[i] = 0;
    } else {
      phase[i] = COMPUTE;
      computeWatts[i] = headWatts[p];
    }
  }

  /**
   * Updates the rates of the transmitters (only when powers or the set of transmitters and their
   * sub-channels changed since the last call) and returns the time to the next phase end, <= T.
   */
  private double nextEventDelay() {
    for (int i = 0; i < n; i++) {
      boolean sending = phase[i] == TRANSMIT;
      if (sending != transmitting[i] || (sending && channel[i] != rateChannel[i])) {
        transmitting[i] = sending;
        rateChannel[i] = channel[i];
        ratesStale = true;
      }
    }
    if (ratesStale) {
      uplink.rates(received, channel, transmitting, channelScratch, rate);
      ratesStale = false;
    }
    double min = slotSeconds;
    for (int i = 0; i < n; i++) {
      double t;
      if (phase[i] == COMPUTE) {
        t = timeLeft[i];
      } else if (phase[i] == TRANSMIT) {
        t = bitsLeft[i] / rate[i];
      } else {
        continue;
      }
      if (t < min) {
        min = t;
      }
    }
    if (edgeBusy && edgeLeft < min) {
      min = edgeLeft;
    }
    return min;
  }

  /** Advances every UE (and the edge) by {@code dt} seconds, ending at episode time {@code end}. */
  private void advance(double dt, double end) {
    if (edgeBusy) {
      if (edgeLeft - dt < EPSILON_SECONDS) {
        edgeBusy = false;
        complete(edgeUe, edgeTaskStart, end);
      } else {
        edgeLeft -= dt;
      }
    }
    for (int i = 0; i < n; i++) {
      if (phase[i] == COMPUTE) {
        energyInSlot[i] += computeWatts[i] * dt;
        if (timeLeft[i] - dt < EPSILON_SECONDS) {
          timeLeft[i] = 0;
          if (point[i] == Net.LOCAL_POINT) {
            complete(i, taskStart[i], end);
            nextTask(i, end);
          } else {
            phase[i] = TRANSMIT;
          }
        } else {
          timeLeft[i] -= dt;
        }
      } else if (phase[i] == TRANSMIT) {
        energyInSlot[i] += power[i] * dt;
        if (bitsLeft[i] / rate[i] - dt < EPSILON_SECONDS) {
          bitsLeft[i] = 0;
          if (edgeCompute) {
            enqueue(i, taskStart[i], edgeSeconds[point[i]]);
          } else {
            complete(i, taskStart[i], end);
          }
          nextTask(i, end);
        } else {
          bitsLeft[i] -= rate[i] * dt;
        }
      }
    }
    if (!edgeBusy && queueSize > 0) {
      int head = queueHead;
      edgeUe = queueUe[head];
      edgeTaskStart = queueTaskStart[head];
      edgeLeft = queueWork[head];
      edgeBusy = true;
      queueHead = (head + 1) % queueUe.length;
      queueSize--;
    }
  }

  private void complete(int ue, double start, double end) {
    finishedInSlot[ue]++;
    episodeFinished++;
    latencies[latencyCount++] = end - start;
    lastCompletion = end;
  }

  private void nextTask(int i, double now) {
    tasksLeft[i]--;
    if (tasksLeft[i] > 0) {
      point[i] = nextPoint[i];
      channel[i] = nextChannel[i];
      startTask(i, now);
    } else {
      phase[i] = IDLE;
      timeLeft[i] = 0;
      bitsLeft[i] = 0;
    }
  }

  private void enqueue(int ue, double start, double work) {
    if (queueSize == queueUe.length) {
      int[] ues = new int[queueSize * 2];
      double[] starts = new double[queueSize * 2];
      double[] works = new double[queueSize * 2];
      for (int k = 0; k < queueSize; k++) {
        int from = (queueHead + k) % queueUe.length;
        ues[k] = queueUe[from];
        starts[k] = queueTaskStart[from];
        works[k] = queueWork[from];
      }
      queueUe = ues;
      queueTaskStart = starts;
      queueWork = works;
      queueHead = 0;
    }
    int tail = (queueHead + queueSize) % queueUe.length;
    queueUe[tail] = ue;
    queueTaskStart[tail] = start;
    queueWork[tail] = work;
    queueSize++;
  }

  private boolean allFinished() {
    if (edgeBusy || queueSize > 0) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      if (phase[i] != IDLE) {
        return false;
      }
    }
    return true;
  }

  /**
   * Writes the normalised state: per UE, tasks left / batch; compute time left / the net's
   * full-local time; bits left to send / 1,204,224; (d - dmin) / (dmax - dmin).
   *
   * @param out at least {@link #stateSize()} numbers
   */
  public void writeState(double[] out) {
    double span = cfg.dmaxMeters() - cfg.dminMeters();
    for (int i = 0; i < n; i++) {
      int k = STATE_PER_UE * i;
      out[k] = (double) tasksLeft[i] / totalTasks[i];
      out[k + 1] = timeLeft[i] / timeScale;
      out[k + 2] = bitsLeft[i] / ScenarioConfig.RAW_IMAGE_BITS;
      out[k + 3] = (distance[i] - cfg.dminMeters()) / span;
    }
  }

  /**
   * @return the length of the state vector, 4 per UE
   */
  public int stateSize() {
    return STATE_PER_UE * n;
  }

  /**
   * @return the system
   */
  public ScenarioConfig config() {
    return cfg;
  }

  /**
   * @return how {@link #reset(long)} draws episodes
   */
  public Scenario scenario() {
    return scenario;
  }

  /**
   * @return number of UEs
   */
  public int ues() {
    return n;
  }

  /**
   * @return whether the current episode is over
   */
  public boolean done() {
    return done;
  }

  /**
   * @return slots run in the current episode
   */
  public int slot() {
    return slot;
  }

  /**
   * @param ue UE index
   * @return its distance to the edge server, in meters
   */
  public double distance(int ue) {
    return distance[ue];
  }

  /**
   * @param ue UE index
   * @return tasks the UE has not finished yet (the task in flight included)
   */
  public int tasksLeft(int ue) {
    return tasksLeft[ue];
  }

  /**
   * @param ue UE index
   * @return its batch size at episode start
   */
  public int totalTasks(int ue) {
    return totalTasks[ue];
  }

  /**
   * @param ue UE index
   * @return what the UE is doing now
   */
  public Phase phase(int ue) {
    return switch (phase[ue]) {
      case COMPUTE -> Phase.COMPUTE;
      case TRANSMIT -> Phase.TRANSMIT;
      default -> Phase.IDLE;
    };
  }

  /**
   * @param ue UE index
   * @return the point and sub-channel of the task in flight, with the current power
   */
  public Action currentAction(int ue) {
    return new Action(point[ue], channel[ue], power[ue]);
  }

  /**
   * @param ue UE index
   * @return the point and sub-channel the UE's next task will use, with the current power
   */
  public Action pendingAction(int ue) {
    return new Action(nextPoint[ue], nextChannel[ue], power[ue]);
  }

  /**
   * @param ue UE index
   * @return compute time left in the current task's compute phase, in seconds
   */
  public double computeSecondsLeft(int ue) {
    return timeLeft[ue];
  }

  /**
   * @param ue UE index
   * @return bits of the current task still to send
   */
  public double bitsLeft(int ue) {
    return bitsLeft[ue];
  }

  /**
   * @param ue UE index
   * @return tasks of that UE completed in the last slot
   */
  public int slotFinished(int ue) {
    return finishedInSlot[ue];
  }

  /**
   * @param ue UE index
   * @return energy that UE spent in the last slot, in joules
   */
  public double slotEnergy(int ue) {
    return energyInSlot[ue];
  }

  /**
   * @return tasks of all UEs in the current episode
   */
  public int episodeTasks() {
    return episodeTasks;
  }

  /**
   * @return tasks completed so far in the current episode
   */
  public int episodeFinished() {
    return episodeFinished;
  }

  /**
   * @return UE energy spent so far in the current episode, over all UEs, in joules
   */
  public double episodeEnergy() {
    return episodeEnergy;
  }

  /**
   * @return the episode time of the last task completion, in seconds (continuous time)
   */
  public double lastCompletionSeconds() {
    return lastCompletion;
  }

  /**
   * @return the latency of every task completed so far, in completion order: seconds from the
   *     moment its UE started it to its completion (continuous time)
   */
  public double[] taskLatencies() {
    return Arrays.copyOf(latencies, latencyCount);
  }
}
