package io.msgbench.driver;

import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/** The drivers on the classpath, by name. */
public final class DriverRegistry {
    private final Map<String, DriverFactory> factories;

    private DriverRegistry(Map<String, DriverFactory> factories) {
        this.factories = factories;
    }

    /** Every {@link DriverFactory} the class loader's ServiceLoader finds. */
    public static DriverRegistry load(ClassLoader loader) {
        Map<String, DriverFactory> found = new TreeMap<>();
        for (DriverFactory f : ServiceLoader.load(DriverFactory.class, loader)) {
            found.putIfAbsent(f.name(), f);
        }
        return new DriverRegistry(Map.copyOf(found));
    }

    /** A registry of exactly these factories. */
    public static DriverRegistry of(DriverFactory... factories) {
        Map<String, DriverFactory> found = new TreeMap<>();
        for (DriverFactory f : factories) {
            found.putIfAbsent(f.name(), f);
        }
        return new DriverRegistry(Map.copyOf(found));
    }

    public static DriverRegistry load() {
        return load(DriverRegistry.class.getClassLoader());
    }

    /** The factory of {@code name}; one error line naming the known drivers otherwise. */
    public DriverFactory get(String name) {
        DriverFactory f = factories.get(name);
        if (f == null) {
            throw new UnknownDriverException("Unknown client '" + name + "'; known drivers: "
                    + (factories.isEmpty() ? "none on the classpath" : String.join(", ", new TreeMap<>(factories).keySet())));
        }
        return f;
    }

    /** True when some driver takes {@code name} as a setting of its own ({@link DriverFactory#driverSettingNames()}). */
    public boolean isDriverSetting(String name) {
        return factories.values().stream().anyMatch(f -> f.driverSettingNames().contains(name));
    }

    /** The driver that runs OMB driver files of {@code driverClass}, if any. */
    public java.util.Optional<String> forOmbDriverClass(String driverClass) {
        return factories.values().stream().filter(f -> f.ombDriverClasses().contains(driverClass))
                .map(DriverFactory::name).findFirst();
    }

    /** Every OMB driver class some driver runs, sorted. */
    public java.util.SortedSet<String> ombDriverClasses() {
        java.util.SortedSet<String> all = new java.util.TreeSet<>();
        factories.values().forEach(f -> all.addAll(f.ombDriverClasses()));
        return all;
    }

    public boolean contains(String name) {
        return factories.containsKey(name);
    }

    /** A user asked for a driver that is not there. */
    public static final class UnknownDriverException extends IllegalArgumentException {
        public UnknownDriverException(String message) {
            super(message);
        }
    }
}
