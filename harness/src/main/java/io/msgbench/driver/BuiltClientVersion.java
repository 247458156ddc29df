package io.msgbench.driver;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The client library and version a driver module was built with, for {@link DriverFactory#clientVersion()}: its
 * {@code client.properties} next to the factory class says {@code client=<artifact> <version>}, the version filled in
 * by the build. Read from the jar, not the library's manifest: the benchmarks' shaded jar keeps no library's
 * manifest, and some libraries have none.
 */
public final class BuiltClientVersion {
    private BuiltClientVersion() {
    }

    public static String of(Class<? extends DriverFactory> factory) {
        try (InputStream in = factory.getResourceAsStream("client.properties")) {
            if (in == null) {
                throw new IllegalStateException(factory.getName() + " has no client.properties beside it");
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("client", "unknown");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
