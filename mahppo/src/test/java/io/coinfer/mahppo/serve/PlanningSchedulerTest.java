package io.coinfer.mahppo.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coinfer.mahppo.checkpoint.Checkpoint;
import io.coinfer.mec.eval.EpisodeMetrics;
import io.coinfer.mec.eval.Evaluator;
import io.coinfer.mec.profile.Net;
import io.coinfer.mec.schedule.Scheduler;
import io.coinfer.mec.schedule.Schedulers;
import io.coinfer.mec.schedule.SchedulingContext;
import io.coinfer.mec.sim.Action;
import io.coinfer.mec.sim.MecEnvironment;
import io.coinfer.mec.sim.Scenario;
import io.coinfer.mec.sim.ScenarioConfig;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class PlanningSchedulerTest {

  private static final ScenarioConfig MOBILENET =
      ScenarioConfig.paperDefaults(Net.MOBILENETV2, 5, 2);

  @Test
  void shouldServeTheDeterministicPolicyWithOneRolloutAndKeepToOnePlan() {
    // Given the shipped mobilenetv2 checkpoint, plain and planning with its deterministic run only
    Scheduler policy = Schedulers.create("mahppo", MOBILENET, 1);
    PlanningScheduler planner = (PlanningScheduler) Schedulers.create("mahppo:plan1", MOBILENET, 1);

    // When both decide along the same random-positions episode
    MecEnvironment env = new MecEnvironment(MOBILENET, Scenario.RANDOM_POSITIONS);
    env.reset(7);
    planner.reset(7);
    while (!env.done()) {
      SchedulingContext ctx = SchedulingContext.of(env);
      Action[] served = planner.decide(ctx);

      // Then every slot gets the policy's own actions
      assertThat(served).containsExactly(policy.decide(ctx));
      env.step(served);
    }
    // And the simulated run matched the episode to the end: one plan, never remade
    assertThat(planner.plansMade()).isEqualTo(1);
  }

  @Test
  void shouldNeverDoWorseThanTheDeterministicPolicyAndRepeatItsFigures() {
    // Given the shipped mobilenetv2 checkpoint, plain and planning with 16 runs per slot
    Evaluator random = new Evaluator(MOBILENET, Scenario.RANDOM_POSITIONS);
    int better = 0;

    for (long seed = 1; seed <= 4; seed++) {
      // When both run the same episode, the planner twice
      double plain = objective(random.runEpisode(Schedulers.create("mahppo", MOBILENET, 1), seed));
      double planned =
          objective(random.runEpisode(Schedulers.create("mahppo:plan16", MOBILENET, 1), seed));
      double again =
          objective(random.runEpisode(Schedulers.create("mahppo:plan16", MOBILENET, 1), seed));

      // Then the planned episode costs at most what the policy's own does, the same both times
      assertThat(planned).as("episode %d", seed).isLessThanOrEqualTo(plain);
      assertThat(again).isEqualTo(planned);
      better += planned < plain ? 1 : 0;
    }
    // And the search found a cheaper run in some of the episodes
    assertThat(better).isPositive();
  }

  @Test
  void shouldPlanAgainWhenTheEpisodeLeavesThePlan() {
    // Given a planner and UEs that miss their commanded power by up to 3 dB
    PlanningScheduler planner = (PlanningScheduler) Schedulers.create("mahppo:plan4", MOBILENET, 1);
    Evaluator off = new Evaluator(MOBILENET, Scenario.RANDOM_POSITIONS).withPowerErrorDb(3);

    // When it runs an episode
    EpisodeMetrics m = off.runEpisode(planner, 3);

    // Then it noticed the difference, planned again from what it was shown, and finished
    assertThat(planner.plansMade()).isGreaterThan(1);
    assertThat(m.truncated()).isFalse();
  }

  @Test
  void shouldStartNoFurtherRunOnceTheTimeBudgetIsSpent() {
    // Given a planner allowed 1000 runs within 4 ms, on a clock that moves 1 ms at every reading
    AtomicLong nanos = new AtomicLong();
    Checkpoint cp = ShippedCheckpoints.find(MOBILENET);
    PlanningScheduler budgeted =
        new PlanningScheduler(
            "budgeted",
            new MahppoScheduler("d", cp.weights(), cp.config().powerScale(), MOBILENET, false, 1),
            new MahppoScheduler("s", cp.weights(), cp.config().powerScale(), MOBILENET, true, 1),
            1000,
            Duration.ofMillis(4),
            () -> nanos.addAndGet(1_000_000),
            MOBILENET);
    Scheduler four = Schedulers.create("mahppo:plan4", MOBILENET, 1);

    // When it decides along a random-positions episode next to a planner of 4 runs and no budget
    MecEnvironment env = new MecEnvironment(MOBILENET, Scenario.RANDOM_POSITIONS);
    env.reset(5);
    budgeted.reset(5);
    four.reset(5);
    while (!env.done()) {
      SchedulingContext ctx = SchedulingContext.of(env);
      long before = nanos.get();
      Action[] served = budgeted.decide(ctx);

      // Then the search read the clock once at its start and before each sampled run, and ran
      // the deterministic run and 3 sampled ones: the other's 4 runs, so the same actions
      assertThat(nanos.get() - before).isEqualTo(5_000_000);
      assertThat(served).containsExactly(four.decide(ctx));
      env.step(served);
    }
  }

  @Test
  void shouldRefuseAPlanWithoutRolloutsOrBudgetOrSampledAsWell() {
    assertThatThrownBy(() -> Schedulers.create("mahppo:plan0", MOBILENET, 1))
        .hasMessageContaining(":plan<K> needs K between 1 and");
    assertThatThrownBy(() -> Schedulers.create("mahppo:sampled:plan8", MOBILENET, 1))
        .hasMessageContaining("choose one of :sampled and :plan<K>");
    assertThatThrownBy(() -> Schedulers.create("mahppo:plan8:0ms", MOBILENET, 1))
        .hasMessageContaining(":plan<K>:<ms>ms needs <ms> between 1 and");
    assertThat(Schedulers.create("mahppo:plan8:50ms", MOBILENET, 1))
        .isInstanceOf(PlanningScheduler.class);
  }

  private static double objective(EpisodeMetrics m) {
    return m.latencyPerTask() + MOBILENET.beta() * m.energyPerTask();
  }
}
