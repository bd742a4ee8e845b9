package io.coinfer.splitnn.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import io.coinfer.splitnn.model.MemoryLayout;
import io.coinfer.splitnn.model.SplitModel;
import io.coinfer.splitnn.store.ModelStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SplitBenchTest {

  private static final Path FIXTURE = Path.of("src/test/resources/torchscript/tiny-cnn");
  private static final Path SCRIPT = Path.of("scripts/bench_torch.py");
  private static final String PYTHON = "/usr/bin/python3";

  /** A call made to a side: which side, which module, how many runs. */
  private record Call(String side, String module, int runs) {}

  /** Passes calls on to a real runner and logs them. */
  private static SplitBench.Runner logged(String side, SplitBench.Runner real, List<Call> log) {
    return (module, runs) -> {
      log.add(new Call(side, module.name(), runs));
      return real.timeMs(module, runs);
    };
  }

  @Test
  void shouldWarmUpBothSidesThenLetThemTakeTurnsWithTheFirstSideAlternating() throws Exception {
    // Given both sides backed by DJL's runner on the tiny TorchScript fixture
    List<Call> log = new ArrayList<>();
    List<Integer> progress = new ArrayList<>();
    SplitBench.Result result;
    try (SplitModel model = ModelStore.open(FIXTURE);
        NDManager manager = NDManager.newBaseManager()) {
      SplitBench.Runner djl = SplitBench.djl(model, manager, Stopwatch.Clock.WALL);
      // When two rounds of two runs per turn are timed after three warm-up runs
      result =
          SplitBench.compare(
              logged("a", djl, log),
              logged("b", djl, log),
              new SplitBench.Settings(3, 2, 2),
              progress::add);
    }
    // Then every module is warmed up on both sides first
    assertThat(log.subList(0, 16))
        .containsExactlyElementsOf(
            SplitBench.MODULES.stream()
                .flatMap(
                    m -> List.of(new Call("a", m.name(), 3), new Call("b", m.name(), 3)).stream())
                .toList());
    // And in round 1 side a goes first for each module, in round 2 side b
    List<Call> round1 = log.subList(16, 32);
    List<Call> round2 = log.subList(32, 48);
    assertThat(log).hasSize(48);
    for (int m = 0; m < 8; m++) {
      String name = SplitBench.MODULES.get(m).name();
      assertThat(round1.subList(2 * m, 2 * m + 2))
          .containsExactly(new Call("a", name, 2), new Call("b", name, 2));
      assertThat(round2.subList(2 * m, 2 * m + 2))
          .containsExactly(new Call("b", name, 2), new Call("a", name, 2));
    }
    assertThat(progress).containsExactly(1, 2);
    // And each ratio is the ratio of the medians, the overall one that of their sums
    assertThat(result.points())
        .extracting(SplitBench.PointResult::point)
        .containsExactly(1, 2, 3, 4);
    double djlSum = 0;
    double torchSum = 0;
    for (SplitBench.PointResult p : result.points()) {
      for (SplitBench.Comparison c : List.of(p.head(), p.tail())) {
        assertThat(c.djlMs().median()).isPositive();
        assertThat(c.ratio()).isEqualTo(c.djlMs().median() / c.torchMs().median());
        assertThat(c.djlMs().p25()).isLessThanOrEqualTo(c.djlMs().median());
        assertThat(c.djlMs().median()).isLessThanOrEqualTo(c.djlMs().p75());
        djlSum += c.djlMs().median();
        torchSum += c.torchMs().median();
      }
    }
    assertThat(result.overallRatio()).isEqualTo(djlSum / torchSum);
  }

  @Test
  void shouldGiveTheQuartilesOfASample() {
    assertThat(SplitBench.Spread.of(new double[] {5, 1, 4, 2, 3}))
        .isEqualTo(new SplitBench.Spread(2, 3, 4));
    assertThat(SplitBench.Spread.of(new double[] {20, 10}))
        .isEqualTo(new SplitBench.Spread(12.5, 15, 17.5));
    assertThat(SplitBench.Spread.of(new double[] {7})).isEqualTo(new SplitBench.Spread(7, 7, 7));
  }

  @Test
  void shouldRejectSettingsThatCannotGiveAFairComparison() {
    assertThatThrownBy(() -> new SplitBench.Settings(2, 10, 5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least 3 warm-up runs");
    assertThatThrownBy(() -> new SplitBench.Settings(3, 1, 5))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new SplitBench.Settings(3, 2, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void shouldTimeEachRunOnAFreshCopyOfTheInputAfterTheWarmUp() {
    try (NDManager manager = NDManager.newBaseManager()) {
      NDArray input = manager.arange(6f).reshape(new Shape(2, 3));
      Set<NDManager> managers = new HashSet<>();
      List<float[]> seen = new ArrayList<>();
      // When a step is timed 3 times after 2 warm-up runs
      double[] seconds =
          Stopwatch.secondsEach(
              2,
              3,
              input,
              x -> {
                managers.add(x.getManager());
                seen.add(x.toFloatArray());
                return x.mul(2);
              });
      // Then it ran 5 times, each on its own copy with the input's values, and 3 runs are timed
      assertThat(seconds).hasSize(3);
      assertThat(Arrays.stream(seconds).min().orElseThrow()).isPositive();
      assertThat(managers).hasSize(5).doesNotContain(manager);
      assertThat(seen).allSatisfy(v -> assertThat(v).containsExactly(0, 1, 2, 3, 4, 5));
    }
  }

  @Test
  void shouldReadAResultInLogicalOrderIntoTheSharedArrayWhenItFits() {
    try (NDManager manager = NDManager.newBaseManager()) {
      NDArray x = manager.arange(24f).reshape(1, 2, 3, 4);
      float[] expected = x.toFloatArray();
      // When a channels-last result (not contiguous) is read into an array of its size
      float[] sink = new float[24];
      float[] read = Stopwatch.read(MemoryLayout.CHANNELS_LAST.apply(x), sink);
      // Then that array holds the elements in NCHW order
      assertThat(read).isSameAs(sink).containsExactly(expected);
      // And a result of another size gets an array of its own, one of another type is converted
      assertThat(Stopwatch.read(x.get("0, 0"), sink)).isNotSameAs(sink).hasSize(12);
      assertThat(Stopwatch.read(x.toType(DataType.INT32, false), new float[0]))
          .containsExactly(expected);
    }
  }

  @Test
  void shouldNotCountTimeTheThreadSpendsOffTheCpuOnTheCpuClock() {
    try (NDManager manager = NDManager.newBaseManager()) {
      NDArray input = manager.ones(new Shape(1));
      java.util.function.Function<NDArray, Object> sleep =
          x -> {
            try {
              Thread.sleep(50);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
            return x;
          };
      // When a step that sleeps 50 ms is timed on either clock
      double wall = Stopwatch.secondsEach(Stopwatch.Clock.WALL, 0, 1, input, sleep)[0];
      double cpu = Stopwatch.secondsEach(Stopwatch.Clock.CPU, 0, 1, input, sleep)[0];
      // Then the wall clock counts the sleep and the thread's CPU clock does not
      assertThat(wall).isGreaterThanOrEqualTo(0.05);
      assertThat(cpu).isLessThan(0.025);
    }
  }

  @Test
  void shouldTimeThePackageInPyTorchItselfOnRequest() throws Exception {
    assumeThat(torchAvailable()).as("Debian's python3-torch at " + PYTHON).isTrue();
    List<String> command =
        List.of(PYTHON, SCRIPT.toString(), FIXTURE.toString(), "--threads", "1", "--mkldnn=off");
    try (PyTorchProcess torch = PyTorchProcess.start(command)) {
      // Then the script reports its PyTorch and times any module the given number of times
      assertThat(torch.info().torchVersion()).isNotBlank();
      assertThat(torch.info().threads()).isEqualTo(1);
      assertThat(torch.info().mkldnn()).isFalse();
      double[] ms = torch.timeMs(new SplitBench.Module(1, true), 3);
      assertThat(ms).hasSize(3);
      assertThat(Arrays.stream(ms).min().orElseThrow()).isPositive();
      assertThat(torch.timeMs(new SplitBench.Module(4, false), 1)).hasSize(1);
      // And a module the package lacks ends it with a clear error
      assertThatThrownBy(() -> torch.timeMs(new SplitBench.Module(5, true), 1))
          .isInstanceOf(IOException.class)
          .hasMessageContaining("exited while timing head_5");
    }
  }

  private static boolean torchAvailable() throws Exception {
    if (!Files.isExecutable(Path.of(PYTHON))) {
      return false;
    }
    Process p =
        new ProcessBuilder(PYTHON, "-c", "import torch")
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    return p.waitFor() == 0;
  }
}
