package io.coinfer.mec.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.coinfer.mec.eval.EpisodeMetrics;
import io.coinfer.mec.eval.Evaluator;
import io.coinfer.mec.profile.Net;
import io.coinfer.mec.sim.Action;
import io.coinfer.mec.sim.MecEnvironment;
import io.coinfer.mec.sim.Scenario;
import io.coinfer.mec.sim.ScenarioConfig;
import org.junit.jupiter.api.Test;

class SchedulersTest {

  private final ScenarioConfig cfg = ScenarioConfig.paperDefaults(Net.RESNET18, 5, 2);

  @Test
  void shouldCreateEveryBuiltInBaselineFromItsSpec() {
    assertThat(Schedulers.create("local", cfg, 0)).isInstanceOf(LocalScheduler.class);
    assertThat(Schedulers.create("edge", cfg, 0)).isInstanceOf(EdgeScheduler.class);
    assertThat(Schedulers.create("random", cfg, 0)).isInstanceOf(RandomScheduler.class);
    assertThat(Schedulers.create("greedy", cfg, 0)).isInstanceOf(GreedyScheduler.class);
    assertThat(Schedulers.create("static-search", cfg, 0))
        .isInstanceOf(StaticSearchScheduler.class);
    Scheduler fixed = Schedulers.create("fixed:3:0.5", cfg, 0);
    assertThat(fixed.id()).isEqualTo("fixed:3:0.5");
    assertThat(fixed.decide(context()))
        .containsExactly(
            new Action(3, 0, 0.5),
            new Action(3, 1, 0.5),
            new Action(3, 0, 0.5),
            new Action(3, 1, 0.5),
            new Action(3, 0, 0.5));
  }

  @Test
  void shouldSendRawImagesAtPmaxOnRoundRobinChannelsForEdge() {
    assertThat(Schedulers.create("edge", cfg, 0).decide(context()))
        .extracting(Action::point, Action::channel, Action::powerWatts)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(0, 0, 1.0),
            org.assertj.core.groups.Tuple.tuple(0, 1, 1.0),
            org.assertj.core.groups.Tuple.tuple(0, 0, 1.0),
            org.assertj.core.groups.Tuple.tuple(0, 1, 1.0),
            org.assertj.core.groups.Tuple.tuple(0, 0, 1.0));
  }

  @Test
  void shouldListTheKnownSpecsForAnUnknownOne() {
    assertThatThrownBy(() -> Schedulers.create("clever", cfg, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown scheduler 'clever'")
        .hasMessageContaining(
            "local, edge, fixed:<point>:<power>, random, greedy, static-search,"
                + " rotate:<point>:<power>");
  }

  @Test
  void shouldExplainAMalformedFixedSpec() {
    assertThatThrownBy(() -> Schedulers.create("fixed:3", cfg, 0))
        .hasMessageContaining("expected fixed:<point 0..5>:<power in W>");
    assertThatThrownBy(() -> Schedulers.create("fixed:x:1", cfg, 0))
        .hasMessageContaining("expected fixed:<point 0..5>:<power in W>");
    assertThatThrownBy(() -> Schedulers.create("fixed:7:1", cfg, 0))
        .hasMessageContaining("point 7 is outside 0..5");
    assertThatThrownBy(() -> Schedulers.create("fixed:3:2", cfg, 0))
        .hasMessageContaining("power 2.0 W is outside (0, 1.0] W");
  }

  @Test
  void shouldRotateTheSendersOverTheSubChannelsByTasksLeft() {
    // Given resnet18's test scenario (5 UEs at 50 m, 2 sub-channels) and rotate:1:0.3
    MecEnvironment env = new MecEnvironment(cfg, Scenario.TEST);
    env.reset(0);
    Scheduler rotate = Schedulers.create("rotate:1:0.3", cfg, 0);

    // When it decides the first slot, then runs the episode
    Action[] first = rotate.decide(SchedulingContext.of(env));
    EpisodeMetrics m = new Evaluator(cfg, Scenario.TEST).runEpisode(rotate, 0);

    // Then UEs 0 and 1 (equal batches: lower index first) send at point 1, one per sub-channel,
    // the other three compute locally, and the episode takes 10 slots (0.025 s per task, 47%
    // below local's 19) at less than 0.04 J per task
    assertThat(first)
        .containsExactly(
            new Action(1, 0, 0.3),
            new Action(1, 1, 0.3),
            new Action(5, 0, 0.3),
            new Action(5, 0, 0.3),
            new Action(5, 0, 0.3));
    assertThat(m.latencyPerTask()).isCloseTo(0.025, within(1e-12));
    assertThat(m.energyPerTask()).isLessThan(0.04);
    assertThatThrownBy(() -> Schedulers.create("rotate:5:1", cfg, 0))
        .hasMessageContaining("point 5 is outside 0..4");
    assertThatThrownBy(() -> Schedulers.create("rotate:1", cfg, 0))
        .hasMessageContaining("expected rotate:<point 0..5>:<power in W>");
  }

  @Test
  void shouldRepeatRandomDecisionsForTheSameSeed() {
    // Given
    Scheduler a = Schedulers.create("random", cfg, 0);
    Scheduler b = Schedulers.create("random", cfg, 0);
    a.reset(11);
    b.reset(11);
    // When / Then
    for (int slot = 0; slot < 5; slot++) {
      Action[] x = a.decide(context());
      assertThat(b.decide(context())).containsExactly(x);
      assertThat(x).allMatch(act -> act.powerWatts() > 0 && act.powerWatts() <= 1.0);
    }
    b.reset(12);
    a.reset(11);
    assertThat(b.decide(context())).isNotEqualTo(a.decide(context()));
  }

  private SchedulingContext context() {
    MecEnvironment env = new MecEnvironment(cfg, Scenario.TEST);
    env.reset(0);
    return SchedulingContext.of(env);
  }
}
