package io.coinfer.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code deploy/kafka/create-topics.sh} (the compose {@code kafka-init}) run with a stand-in for
 * {@code kafka-topics.sh} that records its arguments: one idempotent create per topic of the
 * contracts' catalogue, with the requested partitions and replication, ue-state compacted, jobs and
 * features taking records up to 8 MB.
 */
class CreateTopicsScriptTest {

  @Test
  void createsEveryCatalogueTopicIdempotentlyWithItsSettings(@TempDir Path tmp) throws Exception {
    Path calls = tmp.resolve("calls.txt");
    Path stub = tmp.resolve("kafka-topics.sh");
    Files.writeString(stub, "#!/usr/bin/env bash\necho \"$*\" >> '" + calls + "'\n");
    Files.setPosixFilePermissions(stub, PosixFilePermissions.fromString("rwx------"));

    ProcessBuilder pb =
        new ProcessBuilder("bash", Repo.path("deploy/kafka/create-topics.sh").toString())
            .redirectErrorStream(true);
    pb.environment()
        .putAll(
            Map.of(
                "KAFKA_TOPICS_SH", stub.toString(),
                "KAFKA_BOOTSTRAP", "broker:9092",
                "PARTITIONS", "6",
                "REPLICATION", "3"));
    Process p = pb.start();
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.exitValue()).as(output).isZero();

    Map<String, String> createByTopic = new TreeMap<>();
    for (String call : Files.readAllLines(calls)) {
      assertThat(call).startsWith("--bootstrap-server broker:9092 ");
      if (call.contains(" --create ")) {
        String topic = call.replaceAll(".* --topic (\\S+).*", "$1");
        createByTopic.put(topic, call);
      }
    }
    List<String> catalogue = Topics.declared();
    assertThat(createByTopic.keySet()).containsExactlyInAnyOrderElementsOf(catalogue);
    createByTopic.forEach(
        (topic, call) ->
            assertThat(call)
                .as(topic)
                .contains("--if-not-exists", "--partitions 6", "--replication-factor 3"));
    assertThat(createByTopic.get("coinfer.ue-state")).contains("--config cleanup.policy=compact");
    assertThat(createByTopic.get("coinfer.jobs")).doesNotContain("cleanup.policy=compact");
    // the topics that carry images and features take records above the producers' 4 MB limit
    for (String big : List.of("coinfer.jobs", "coinfer.features")) {
      assertThat(createByTopic.get(big)).as(big).contains("--config max.message.bytes=8388608");
    }
    assertThat(Repo.read(Repo.path("contracts/src/main/resources/coinfer-kafka.yml")))
        .contains("max.request.size: 4194304");
  }
}
