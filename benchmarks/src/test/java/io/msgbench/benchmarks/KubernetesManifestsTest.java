package io.msgbench.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.msgbench.testing.CommandLineRun;
import io.msgbench.testing.CommandLineRun.Outcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * deploy/kubernetes cannot run here, so it is read: ports, commands, arguments, the token's Secret and the workers'
 * stable DNS names must agree with one another, with the Dockerfile and with the command line itself.
 */
class KubernetesManifestsTest {
    private static final Path DEPLOY = Path.of("..", "deploy");
    private static final YAMLMapper YAML = new YAMLMapper();

    private static Map<String, JsonNode> manifests() throws Exception {
        Map<String, JsonNode> byKind = new HashMap<>();
        for (JsonNode k : YAML.readTree(DEPLOY.resolve("kubernetes/kustomization.yaml").toFile()).get("resources")) {
            try (MappingIterator<JsonNode> docs = YAML.readerFor(JsonNode.class)
                    .readValues(DEPLOY.resolve("kubernetes").resolve(k.asText()).toFile())) {
                while (docs.hasNext()) {
                    JsonNode d = docs.next();
                    byKind.put(d.get("kind").asText(), d);
                }
            }
        }
        return byKind;
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static String after(List<String> args, String option) {
        int i = args.indexOf(option);
        assertThat(i).as(option + " in " + args).isNotNegative();
        return args.get(i + 1);
    }

    @Test
    void workersServiceAndCoordinatorAgree() throws Exception {
        Map<String, JsonNode> m = manifests();
        assertThat(m).containsKeys("Service", "StatefulSet", "Job", "Secret");
        JsonNode service = m.get("Service");
        JsonNode set = m.get("StatefulSet");
        JsonNode worker = set.at("/spec/template/spec/containers/0");
        List<String> workerArgs = strings(worker.get("args"));
        assertThat(workerArgs.get(0)).isEqualTo("worker");
        int port = Integer.parseInt(after(workerArgs, "--port"));
        assertThat(worker.at("/ports/0/containerPort").asInt()).isEqualTo(port);
        assertThat(service.at("/spec/ports/0/port").asInt()).isEqualTo(port);
        assertThat(service.at("/spec/clusterIP").asText()).isEqualTo("None"); // headless: a DNS name per pod
        assertThat(set.at("/spec/serviceName").asText()).isEqualTo(service.at("/metadata/name").asText());
        assertThat(service.at("/spec/selector/app").asText())
                .isEqualTo(set.at("/spec/template/metadata/labels/app").asText());
        assertThat(after(workerArgs, "--bind")).isEqualTo("0.0.0.0"); // reachable, so the token is required
        assertThat(worker.at("/resources/requests/cpu").isMissingNode()).isFalse();
        assertThat(worker.at("/resources/requests/memory").isMissingNode()).isFalse();

        // the token: one Secret, mounted where both give --token-file
        String secret = m.get("Secret").at("/metadata/name").asText();
        assertThat(m.get("Secret").at("/stringData/token").isMissingNode()).isFalse();
        JsonNode job = m.get("Job");
        JsonNode coordinator = job.at("/spec/template/spec/containers/0");
        List<String> coordinatorArgs = strings(coordinator.get("args"));
        for (JsonNode[] pod : new JsonNode[][] {{set.at("/spec/template/spec"), worker},
                {job.at("/spec/template/spec"), coordinator}}) {
            String tokenFile = after(strings(pod[1].get("args")), "--token-file");
            JsonNode mount = pod[1].at("/volumeMounts/0");
            assertThat(tokenFile).startsWith(mount.get("mountPath").asText() + "/");
            assertThat(tokenFile.substring(tokenFile.lastIndexOf('/') + 1)).isEqualTo("token");
            JsonNode volume = pod[0].at("/volumes/0");
            assertThat(volume.get("name").asText()).isEqualTo(mount.get("name").asText());
            assertThat(volume.at("/secret/secretName").asText()).isEqualTo(secret);
        }

        // the coordinator lists every worker by its stable DNS name, on the worker port
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < set.at("/spec/replicas").asInt(); i++) {
            expected.add("http://" + set.at("/metadata/name").asText() + "-" + i + "."
                    + service.at("/metadata/name").asText() + ":" + port);
        }
        assertThat(List.of(after(coordinatorArgs, "--workers").split(","))).isEqualTo(expected);
        List<String> waited = strings(job.at("/spec/template/spec/initContainers/0/command"));
        assertThat(waited.subList(3, waited.size()))
                .isEqualTo(expected.stream().map(u -> u.substring(7, u.lastIndexOf(':'))).toList());
        assertThat(coordinator.at("/resources/requests/memory").isMissingNode()).isFalse();
        assertThat(job.at("/spec/template/spec/restartPolicy").asText()).isEqualTo("Never");
    }

    /** The image's entry point is the jar the Dockerfile copies, and the manifests' arguments are the CLI's. */
    @Test
    void argumentsAreWhatTheCommandLineTakes() throws Exception {
        Map<String, JsonNode> m = manifests();
        String dockerfile = Files.readString(DEPLOY.resolve("Dockerfile"));
        assertThat(dockerfile).contains("COPY benchmarks/target/benchmarks.jar /opt/msgbench/benchmarks.jar",
                "ENTRYPOINT [\"java\", \"-jar\", \"/opt/msgbench/benchmarks.jar\"]");
        assertThat(m.get("StatefulSet").at("/spec/template/spec/containers/0/image").asText())
                .isEqualTo(m.get("Job").at("/spec/template/spec/containers/0/image").asText());

        // every option the worker is given is one `worker -h` documents
        Outcome help = CommandLineRun.run("worker", "-h");
        assertThat(help.exitCode()).isZero();
        for (String arg : strings(m.get("StatefulSet").at("/spec/template/spec/containers/0/args"))) {
            if (arg.startsWith("--")) {
                assertThat(help.out()).as("worker -h").contains(arg);
            }
        }
        // the coordinator's arguments parse (listing the benchmark instead of running it: no workers here)
        List<String> args = new ArrayList<>(strings(m.get("Job").at("/spec/template/spec/containers/0/args")));
        args.add("-l");
        Outcome listed = CommandLineRun.run(args.toArray(String[]::new));
        assertThat(listed.exitCode()).as(listed.err()).isZero();
        assertThat(listed.out()).contains("LatencyTest");
    }
}
