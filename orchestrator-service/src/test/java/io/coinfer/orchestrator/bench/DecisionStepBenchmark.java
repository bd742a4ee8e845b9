package io.coinfer.orchestrator.bench;

import io.coinfer.contracts.events.Event;
import io.coinfer.contracts.events.UeStateEvent;
import io.coinfer.orchestrator.config.OrchestratorSettings;
import io.coinfer.orchestrator.policy.PolicyRegistry;
import io.coinfer.orchestrator.policy.TestCheckpoints;
import io.coinfer.orchestrator.slot.DecisionStep;
import io.coinfer.orchestrator.slot.UeBook;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The orchestrator's decision step for a fleet of registered UEs: one slot's decisions, as {@link
 * io.coinfer.orchestrator.slot.SlotClock} runs it (without publishing). Run with {@code ./mvnw -B
 * -pl orchestrator-service -am -Pbench verify -DskipTests}; sample-time mode reports p50, p99.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class DecisionStepBenchmark {

  /** Registered UEs. */
  @Param({"100"})
  public int ues;

  /**
   * The active policy; {@code mahppo-shared} is a MAHPPO checkpoint with a parameter-shared actor
   * (trunk 256-128, heads 64, freshly initialised: the weights do not change the cost) serving all
   * UEs, which then run resnet18.
   */
  @Param({"local", "fixed:3:0.5", "random", "greedy", "mahppo-shared"})
  public String policy;

  private DecisionStep step;
  private long slot;

  /** Registers the fleet with seeded distances and queues. */
  @Setup
  public void setUp() throws IOException {
    boolean mahppo = policy.equals("mahppo-shared");
    String spec =
        mahppo
            ? "mahppo:" + TestCheckpoints.write(Files.createTempDirectory("mahppo-bench"), 5, true)
            : policy;
    UeBook book = new UeBook();
    PolicyRegistry policies =
        new PolicyRegistry(
            new OrchestratorSettings(
                new OrchestratorSettings.Slot(Duration.ofMillis(500), Duration.ofDays(1), 4),
                new OrchestratorSettings.Policy(spec, "local", 0, 1.0),
                new OrchestratorSettings.Radio(2, 1.0, 1.0, 100.0)));
    SplittableRandom random = new SplittableRandom(42);
    List<String> nets = mahppo ? List.of("resnet18") : List.of("resnet18", "vgg11", "mobilenetv2");
    Instant now = Instant.now();
    for (int i = 0; i < ues; i++) {
      book.report(
          new UeStateEvent(
              Event.SCHEMA_VERSION,
              String.format("ue-%04d", i),
              nets.get(i % nets.size()),
              "jetson-nano",
              random.nextDouble(1, 100),
              1.0,
              random.nextInt(0, 20),
              0,
              now),
          now);
    }
    step = new DecisionStep(book, policies, Duration.ofDays(1));
  }

  /**
   * One slot.
   *
   * @return the decisions (consumed by JMH)
   */
  @Benchmark
  public Object decideOneSlot() {
    return step.decide(slot++, Instant.now());
  }
}
