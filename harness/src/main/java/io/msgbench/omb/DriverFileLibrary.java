package io.msgbench.omb;

import io.msgbench.driver.DriverRegistry;
import io.msgbench.scenario.DriverConfigFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * {@code -p driverConfig=...} for annotated benchmarks: a path to an OMB driver file, or the name of a
 * shipped one ({@code kafka-latency} is {@code drivers/<driver>/kafka-latency.yaml}, looked up from the
 * working directory upwards).
 */
public final class DriverFileLibrary implements DriverConfigFiles {
    private final DriverRegistry drivers;
    private final Consumer<String> warnings;

    public DriverFileLibrary(DriverRegistry drivers, Consumer<String> warnings) {
        this.drivers = drivers;
        this.warnings = warnings;
    }

    @Override
    public DriverConfig load(String nameOrFile) {
        OmbDriver d = OmbDriver.read(find(nameOrFile), drivers, warnings);
        if (d.bootstrapServers() != null) {
            warnings.accept(d.file() + ": bootstrap.servers ignored: an annotated benchmark runs on the run's cluster "
                    + "(--bootstrap, or the embedded one)");
        }
        return new DriverConfig(d.client(), d.replicationFactor(), d.commonConfig(), d.producerConfig(),
                d.consumerConfig(), d.topicConfig());
    }

    private static Path find(String nameOrFile) {
        Path given = Path.of(nameOrFile);
        if (Files.isRegularFile(given)) {
            return given;
        }
        List<Path> tried = new ArrayList<>();
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path drivers = dir.resolve("drivers");
            if (Files.isDirectory(drivers)) {
                try (var sub = Files.list(drivers)) {
                    for (Path d : sub.toList()) {
                        Path candidate = d.resolve(nameOrFile + ".yaml");
                        tried.add(candidate);
                        if (Files.isRegularFile(candidate)) {
                            return candidate;
                        }
                    }
                } catch (java.io.IOException e) {
                    // try further up
                }
            }
        }
        throw new OmbFileException("driverConfig=" + nameOrFile + ": no such file, and no drivers/*/" + nameOrFile
                + ".yaml from the working directory upwards");
    }
}
