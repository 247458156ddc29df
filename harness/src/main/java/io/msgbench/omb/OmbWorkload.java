package io.msgbench.omb;

import io.msgbench.api.KeyDistributor;
import io.msgbench.scenario.PayloadFiles;
import io.msgbench.scenario.WorkloadSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;

/**
 * An OMB workload file (reference/omb.md), read as OMB reads it, but with a warning for every key it does
 * not know and an error, with file and line, for a value it cannot use.
 *
 * @param baseName        the file name without {@code .yaml}: the benchmark is {@code omb.<baseName>}
 * @param name            OMB's free-text name
 * @param testDuration    OMB's testDurationMinutes, or null when 0 or absent
 * @param warmupDuration  OMB's warmupDurationMinutes (default 1 minute; zero disables the warmup)
 */
public record OmbWorkload(Path file, String baseName, String name, WorkloadSpec workload, Duration testDuration,
                          Duration warmupDuration) {
    /** The keys OMB's workload class has, plus msgbench's spelling of consumerPerSubscription. */
    static final Set<String> KEYS = Set.of("name", "topics", "partitionsPerTopic", "keyDistributor", "messageSize",
            "useRandomizedPayloads", "randomBytesRatio", "randomizedPayloadPoolSize", "payloadFile",
            "subscriptionsPerTopic", "producersPerTopic", "consumerPerSubscription", "consumersPerSubscription",
            "producerRate", "consumerBacklogSizeGB", "backlogDrainRatio", "testDurationMinutes",
            "warmupDurationMinutes");

    /**
     * @param warnings receives one line per unknown key or lenient reading
     * @throws OmbFileException naming the file, line and key of the first unusable value
     */
    public static OmbWorkload read(Path file, Consumer<String> warnings) {
        YamlFile y = YamlFile.read(file);
        y.entries().forEach((key, e) -> {
            if (!KEYS.contains(key)) {
                warnings.accept(file + ":" + e.line() + ": unknown workload key '" + key + "' ignored");
            }
        });
        String distributor = y.text("keyDistributor", "NO_KEY");
        KeyDistributor keys;
        try {
            keys = KeyDistributor.valueOf(distributor.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            warnings.accept(file + ":" + y.entries().get("keyDistributor").line() + ": keyDistributor '" + distributor
                    + "' unknown, NO_KEY used (as OMB does); known: " + List.of(KeyDistributor.values()));
            keys = KeyDistributor.NO_KEY;
        }
        String consumersKey = y.entries().containsKey("consumerPerSubscription") ? "consumerPerSubscription"
                : "consumersPerSubscription";
        int messageSize = (int) y.integer("messageSize", 0);
        boolean randomized = y.bool("useRandomizedPayloads", false);
        String payloadFile = randomized ? "" : payloadFile(y, file, messageSize);
        double rate = y.decimal("producerRate", 0);
        WorkloadSpec spec;
        try {
            spec = new WorkloadSpec((int) y.integer("topics", 0), (int) y.integer("partitionsPerTopic", 0), messageSize,
                    (int) y.integer("producersPerTopic", 0), (int) y.integer("subscriptionsPerTopic", 0),
                    (int) y.integer(consumersKey, 0), rate <= 0 ? WorkloadSpec.MAX_RATE : rate, keys, randomized,
                    y.decimal("randomBytesRatio", 0), (int) y.integer("randomizedPayloadPoolSize",
                            randomized ? 0 : WorkloadSpec.DEFAULT_POOL_SIZE),
                    y.decimal("consumerBacklogSizeGB", 0), y.decimal("backlogDrainRatio", 1.0), payloadFile);
        } catch (OmbFileException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            // WorkloadSpec names the field in its message ("topics must be at least 1, was 0"): point at its line
            String message = e.getMessage();
            String field = KEYS.stream().filter(k -> message.startsWith(k + " ")).findFirst()
                    .orElse(message.startsWith("consumersPerSubscription") ? consumersKey : null);
            throw field != null ? y.error(field, message) : new OmbFileException(file + ": " + message);
        }
        long test = y.integer("testDurationMinutes", 0);
        long warmup = y.integer("warmupDurationMinutes", 1);
        if (test < 0 || warmup < 0) {
            throw y.error(test < 0 ? "testDurationMinutes" : "warmupDurationMinutes", "must be 0 or more");
        }
        String base = file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
        return new OmbWorkload(file, base, y.text("name", base), spec, test == 0 ? null : Duration.ofMinutes(test),
                Duration.ofMinutes(warmup));
    }

    /**
     * OMB resolves payloadFile against the working directory; msgbench also looks from the workload
     * file's folder and each folder above it (OMB's layout has workloads/ and payload/ side by side). The
     * size must be messageSize.
     */
    private static String payloadFile(YamlFile y, Path workloadFile, int messageSize) {
        String given = y.text("payloadFile", "");
        if (given.isEmpty()) {
            return "";
        }
        List<Path> candidates = new java.util.ArrayList<>(List.of(Path.of(given)));
        for (Path dir = workloadFile.toAbsolutePath().getParent(); dir != null; dir = dir.getParent()) {
            candidates.add(dir.resolve(given));
        }
        for (Path candidate : candidates) {
            if (Files.isRegularFile(candidate)) {
                try {
                    PayloadFiles.read(candidate.toString(), messageSize);
                } catch (IllegalArgumentException e) {
                    throw y.error("payloadFile", e.getMessage());
                }
                return candidate.toString();
            }
        }
        throw y.error("payloadFile", "no file " + given + " in the working directory or above " + workloadFile);
    }
}
