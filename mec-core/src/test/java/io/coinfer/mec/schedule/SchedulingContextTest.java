package io.coinfer.mec.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.coinfer.mec.profile.Net;
import io.coinfer.mec.sim.Action;
import io.coinfer.mec.sim.EpisodeSetup;
import io.coinfer.mec.sim.MecEnvironment;
import io.coinfer.mec.sim.Phase;
import io.coinfer.mec.sim.Scenario;
import io.coinfer.mec.sim.ScenarioConfig;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SchedulingContextTest {

  private final ScenarioConfig cfg = ScenarioConfig.paperDefaults(Net.MOBILENETV2, 3, 2);

  @Test
  void shouldMakeTheEnvironmentsStateFromTheUeContextsAtEverySlot() {
    // Given an episode of random positions played by greedy
    MecEnvironment env = new MecEnvironment(cfg, Scenario.RANDOM_POSITIONS);
    env.reset(7);
    Scheduler greedy = Schedulers.create("greedy", cfg, 0);
    int slots = 0;
    while (!env.done()) {
      // When the state is rebuilt from the UEs' contexts alone
      SchedulingContext ctx = SchedulingContext.of(env);
      double[] expected = new double[env.stateSize()];
      env.writeState(expected);

      // Then it is the environment's own, number for number, at every slot start
      assertThat(ctx.state()).containsExactly(expected);
      env.step(greedy.decide(ctx));
      slots++;
    }
    assertThat(slots).isGreaterThan(1);
  }

  @Test
  void shouldDescribeQueuedUesAsAtTheStartOfAnEpisodeWithTheirActions() {
    // Given three UEs with 4, 2 and 0 tasks waiting, holding point 2, point 0 and local
    double[] distances = {20, 60, 90};
    int[] tasks = {4, 2, 0};
    Action[] held = {new Action(2, 1, 0.1), new Action(0, 0, 1.0), Action.local(0)};

    // When the platform describes them, each about to start its next task
    List<UeContext> ues = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      ues.add(UeContext.atTaskStart(i, distances[i], tasks[i], 4, held[i], cfg));
    }
    SchedulingContext ctx = SchedulingContext.of(ues, cfg, 12);

    // Then the first two are what the simulator shows at the start of an episode with those queues
    // and actions (the queue over its scale of 4 tasks), and the third is idle
    MecEnvironment env = new MecEnvironment(cfg, Scenario.TEST);
    env.reset(new EpisodeSetup(distances, new int[] {4, 2, 1}, held));
    SchedulingContext start = SchedulingContext.of(env);
    for (int i = 0; i < 2; i++) {
      assertThat(ctx.ues().get(i))
          .usingRecursiveComparison()
          .ignoringFields("totalTasks")
          .isEqualTo(start.ues().get(i));
    }
    assertThat(ctx.ues().get(0).phase()).isEqualTo(Phase.COMPUTE);
    assertThat(ctx.ues().get(1).phase()).isEqualTo(Phase.TRANSMIT);
    assertThat(ctx.ues().get(2).phase()).isEqualTo(Phase.IDLE);
    assertThat(ctx.state())
        .containsExactly(
            1.0,
            start.state()[1],
            start.state()[2],
            start.state()[3],
            0.5,
            0.0,
            1.0,
            start.state()[7],
            0.0,
            0.0,
            0.0,
            start.state()[11]);
    assertThat(ctx.slot()).isEqualTo(12);
  }

  @Test
  void shouldGiveAPlannerTheQueuesLeftOrAFullBatchForEveryUe() {
    // Given two UEs with 3 and 0 tasks queued, holding point 2 and local
    Action[] held = {new Action(2, 1, 0.1), Action.local(0)};
    List<UeContext> ues =
        List.of(
            UeContext.atTaskStart(0, 20, 3, 3, held[0], cfg),
            UeContext.atTaskStart(1, 80, 0, 3, held[1], cfg));
    SchedulingContext batch = SchedulingContext.of(ues, cfg, 4);

    // When a planner asks for the rest of the episode, or for full batches
    EpisodeSetup rest = batch.remainingEpisode();
    EpisodeSetup full = batch.streaming().fullBatches();

    // Then the rest is what is queued (an idle UE one task), full batches a batch each
    assertThat(rest.tasks()).containsExactly(3, 1);
    assertThat(full.tasks()).containsExactly(cfg.lambda(), cfg.lambda());
    for (EpisodeSetup setup : List.of(rest, full)) {
      assertThat(setup.distancesMeters()).containsExactly(20, 80);
      assertThat(setup.initialActions()).containsExactly(held);
    }
    assertThat(batch.stream()).isFalse();
    assertThat(batch.streaming().stream()).isTrue();
    assertThat(batch.streaming().remainingEpisode().tasks()).containsExactly(3, 1);
  }
}
