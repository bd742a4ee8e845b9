package io.coinfer.mahppo.serve;

import io.coinfer.mec.schedule.Scheduler;
import io.coinfer.mec.schedule.SchedulingContext;
import io.coinfer.mec.sim.Action;
import io.coinfer.mec.sim.EpisodeSetup;
import io.coinfer.mec.sim.MecEnvironment;
import io.coinfer.mec.sim.Scenario;
import io.coinfer.mec.sim.ScenarioConfig;
import io.coinfer.mec.sim.Seeds;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * MAHPPO with decision-time planning: at every slot the policy proposes runs of the rest of the
 * episode in the simulator, and the scheduler follows the cheapest run found so far.
 *
 * <p>At the first decision of an episode, and whenever the slot start it is shown is not the one
 * its plan expected (a UE missed its power, the fleet changed, the platform's reports differ from
 * the model), it starts a plan from what the context tells ({@link
 * SchedulingContext#remainingEpisode()}: distances, tasks left, actions in flight). Every decision
 * then searches: the plan's slots so far are replayed and the rest of the episode is run {@code
 * rollouts} times, once with the deterministic policy and then sampling from the policy; the
 * cheapest run, the current plan included, becomes the plan, and its action for this slot is
 * served. A run's cost is {@code T N slots + beta energy} (seconds and joules, the scenario's
 * beta), the evaluation objective times the tasks, which is what {@code static-search} minimises.
 * The simulator is deterministic, so the plan's cost never rises from one slot to the next and
 * never exceeds the deterministic policy's. Runs are abandoned once their cost passes the best so
 * far.
 *
 * <p>Like {@code static-search} it needs the system model and every UE's queued tasks; unlike it,
 * it searches only among runs the policy itself would play. A decision costs up to {@code rollouts}
 * simulated runs of policy steps. If no run of a new plan finishes within {@value #MAX_PLAN_SLOTS}
 * slots the scheduler serves the deterministic policy for the rest of the episode.
 *
 * <p>A time budget caps a search: once it has run out no further sampled run is started, so a
 * decision takes about the budget plus one run, whatever {@code rollouts} is. The plan kept is then
 * the cheapest of the runs made, and the figures depend on the machine's speed; without a budget
 * (the default) they depend only on the seed.
 */
public final class PlanningScheduler implements Scheduler {

  /** The longest run a plan may hold, in slots. */
  public static final int MAX_PLAN_SLOTS = 10_000;

  private final String id;
  private final MahppoScheduler deterministic;
  private final MahppoScheduler sampled;
  private final int rollouts;
  private final long budgetNanos;
  private final LongSupplier clock;
  private final ScenarioConfig cfg;
  private final MecEnvironment sim;
  private Run plan = new Run();
  private Run candidate = new Run();
  private EpisodeSetup planSetup;
  private double planCost;
  private int next;
  private long episodeSeed;
  private int plansMade;
  private long searches;
  private boolean planning = true;

  /**
   * @param id the spec this scheduler answers to, e.g. {@code mahppo:plan64}
   * @param deterministic the policy's most likely actions
   * @param sampled the same policy, sampling its actions
   * @param rollouts runs per search, the deterministic one included, at least 1
   * @param budget wall time after which a search starts no further sampled run; {@link
   *     Duration#ZERO} for none
   * @param clock the time in nanoseconds ({@code System::nanoTime})
   * @param cfg the system served
   */
  public PlanningScheduler(
      String id,
      MahppoScheduler deterministic,
      MahppoScheduler sampled,
      int rollouts,
      Duration budget,
      LongSupplier clock,
      ScenarioConfig cfg) {
    if (rollouts < 1) {
      throw new IllegalArgumentException("a plan needs at least 1 rollout, got " + rollouts);
    }
    if (budget.isNegative()) {
      throw new IllegalArgumentException("a time budget cannot be negative, got " + budget);
    }
    this.id = id;
    this.deterministic = deterministic;
    this.sampled = sampled;
    this.rollouts = rollouts;
    this.budgetNanos = budget.toNanos();
    this.clock = clock;
    this.cfg = cfg;
    this.sim = new MecEnvironment(cfg, Scenario.TEST);
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public void reset(long seed) {
    episodeSeed = seed;
    plansMade = 0;
    searches = 0;
    planning = true;
    plan.clear();
    next = 0;
  }

  /**
   * @return the plans made in this episode so far (1 when the episode went as planned)
   */
  public int plansMade() {
    return plansMade;
  }

  @Override
  public Action[] decide(SchedulingContext ctx) {
    if (!planning) {
      return deterministic.decide(ctx);
    }
    if (next < plan.size() && Arrays.equals(ctx.state(), plan.states.get(next))) {
      search(next);
    } else {
      planSetup = ctx.remainingEpisode();
      next = 0;
      plansMade++;
      search(0);
      if (!planning) {
        return deterministic.decide(ctx);
      }
    }
    return plan.actions.get(next++).clone();
  }

  /**
   * Searches from slot {@code from} of the plan: the deterministic policy and up to {@code rollouts
   * - 1} sampled runs (fewer once the budget has run out) continue the plan's first {@code from}
   * slots; the cheapest run, the plan itself included when {@code from > 0}, becomes the plan.
   */
  private void search(int from) {
    searches++;
    long start = budgetNanos > 0 ? clock.getAsLong() : 0;
    double best = from > 0 ? planCost : Double.POSITIVE_INFINITY;
    for (int r = 0; r < rollouts; r++) {
      if (r > 0 && budgetNanos > 0 && clock.getAsLong() - start >= budgetNanos) {
        break;
      }
      MahppoScheduler policy = deterministic;
      if (r > 0) {
        policy = sampled;
        sampled.reset(Seeds.derive(episodeSeed, (searches << 32) + r));
      }
      double cost = run(from, policy, best);
      if (cost < best) {
        best = cost;
        Run swap = plan;
        plan = candidate;
        candidate = swap;
      }
    }
    if (Double.isInfinite(best)) {
      planning = false; // no run finished within MAX_PLAN_SLOTS
    }
    planCost = best;
  }

  /**
   * Plays the plan's first {@code from} slots, then the rest of the episode with a policy, into
   * {@link #candidate}, recording each slot's start state and actions.
   *
   * @return the run's cost, or +infinity once that passes {@code bound} or the run passes {@value
   *     #MAX_PLAN_SLOTS} slots
   */
  private double run(int from, Scheduler policy, double bound) {
    candidate.clear();
    sim.reset(planSetup);
    double slotCost = cfg.slotSeconds() * cfg.ues();
    double cost = 0;
    while (!sim.done()) {
      Action[] actions;
      if (sim.slot() < from) {
        actions = plan.actions.get(sim.slot());
        candidate.states.add(plan.states.get(sim.slot()));
      } else {
        SchedulingContext ctx = SchedulingContext.of(sim);
        actions = policy.decide(ctx);
        candidate.states.add(ctx.state());
      }
      candidate.actions.add(actions);
      sim.step(actions);
      cost = sim.slot() * slotCost + cfg.beta() * sim.episodeEnergy();
      if (cost >= bound || sim.slot() >= MAX_PLAN_SLOTS) {
        return Double.POSITIVE_INFINITY;
      }
    }
    return cost;
  }

  /** One simulated run: the state at each slot start and the actions taken there. */
  private static final class Run {
    final List<double[]> states = new ArrayList<>();
    final List<Action[]> actions = new ArrayList<>();

    int size() {
      return actions.size();
    }

    void clear() {
      states.clear();
      actions.clear();
    }
  }
}
