package io.msgbench.scenario;

import io.msgbench.api.Fork;
import io.msgbench.api.KeyDistributor;
import io.msgbench.api.Measurement;
import io.msgbench.api.Param;
import io.msgbench.api.ProducerRate;
import io.msgbench.api.Timeout;
import io.msgbench.api.Warmup;
import io.msgbench.api.Workload;
import io.msgbench.load.PayloadStamp;
import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Every rule a benchmark declaration and a workload must satisfy, written once: the annotation
 * processor reports the violations as compile errors at the offending annotation value,
 * {@link BenchmarkDeclaration#toDefinition()} and {@link WorkloadSpec} throw the first one. Messages are
 * one line: what is wrong, what is allowed, and the value found.
 */
public final class BenchmarkRules {
    private BenchmarkRules() {
    }

    /**
     * One broken rule and where it sits.
     *
     * @param annotation the annotation holding the bad value, {@code null} for a rule about the class itself
     * @param member     the annotation member holding the bad value, {@code null} for the whole annotation
     * @param index      which {@code @Param} (declaration order) for a {@link Param} violation, else -1
     */
    public record Violation(Class<? extends Annotation> annotation, String member, int index, String message) {
        static Violation ofClass(String message) {
            return new Violation(null, null, -1, message);
        }

        static Violation at(Class<? extends Annotation> annotation, String member, String message) {
            return new Violation(annotation, member, -1, message);
        }
    }

    /** Checks a whole declaration; empty when it is a valid benchmark. */
    public static List<Violation> check(BenchmarkDeclaration d) {
        List<Violation> found = new ArrayList<>();
        String simpleName = d.className().substring(d.className().lastIndexOf('.') + 1);
        BenchmarkDeclaration.ClassShape shape = d.shape();
        if (!shape.isPublic()) {
            found.add(Violation.ofClass("a benchmark class must be public; " + simpleName + " is not"));
        }
        if (shape.isAbstract()) {
            found.add(Violation.ofClass("a benchmark class must be concrete; " + simpleName + " is abstract"));
        }
        if (shape.isInner()) {
            found.add(Violation.ofClass("a nested benchmark class must be static; " + simpleName + " is an inner class"));
        }
        if (d.workload() == null) {
            found.add(withoutWorkload(d));
            return found;
        }
        Workload w = d.workload();
        found.addAll(workloadShape(w.topics(), w.partitionsPerTopic(), w.messageSize(), w.producersPerTopic(),
                w.subscriptionsPerTopic(), w.consumersPerSubscription()));
        found.addAll(content(w.keyDistributor(), w.useRandomizedPayloads(), w.randomBytesRatio(),
                w.randomizedPayloadPoolSize(), w.consumerBacklogSizeGB(), w.backlogDrainRatio()));
        found.addAll(rateAnnotation(d.producerRate()));
        found.addAll(params(d.params()));
        if (d.warmup() != null) {
            setting(Warmup.class, "iterations", d.warmup().iterations(), 0).ifPresent(found::add);
            setting(Warmup.class, "time", d.warmup().time(), 1).ifPresent(found::add);
        }
        if (d.measurement() != null) {
            setting(Measurement.class, "iterations", d.measurement().iterations(), 1).ifPresent(found::add);
            setting(Measurement.class, "time", d.measurement().time(), 1).ifPresent(found::add);
        }
        if (d.fork() != null) {
            setting(Fork.class, "value", d.fork().value(), 0).ifPresent(found::add);
        }
        if (d.timeout() != null) {
            setting(Timeout.class, "time", d.timeout().time(), 1).ifPresent(found::add);
        }
        return found;
    }

    /**
     * The workload rules, also for values that come from {@code -p} or an OMB workload file. Violations
     * name the {@code @Workload} member, or {@code @ProducerRate}'s {@code value} for the rate.
     */
    public static List<Violation> workload(int topics, int partitionsPerTopic, int messageSize, int producersPerTopic,
                                           int subscriptionsPerTopic, int consumersPerSubscription, double producerRate) {
        List<Violation> found = workloadShape(topics, partitionsPerTopic, messageSize, producersPerTopic,
                subscriptionsPerTopic, consumersPerSubscription);
        producerRate(producerRate).ifPresent(found::add);
        return found;
    }

    /** The rules of the message content and backlog fields; violations name the {@code @Workload} member. */
    public static List<Violation> content(KeyDistributor keyDistributor, boolean useRandomizedPayloads,
                                          double randomBytesRatio, int randomizedPayloadPoolSize,
                                          double consumerBacklogSizeGB, double backlogDrainRatio) {
        List<Violation> found = new ArrayList<>();
        if (keyDistributor == null) {
            found.add(Violation.at(Workload.class, "keyDistributor", "keyDistributor must be given"));
        }
        if (!(randomBytesRatio >= 0 && randomBytesRatio <= 1)) {
            found.add(Violation.at(Workload.class, "randomBytesRatio",
                    "randomBytesRatio must be between 0 and 1, was " + randomBytesRatio));
        }
        if (useRandomizedPayloads) {
            atLeast("randomizedPayloadPoolSize", randomizedPayloadPoolSize, 1).ifPresent(found::add);
        }
        if (!(consumerBacklogSizeGB >= 0) || Double.isInfinite(consumerBacklogSizeGB)) {
            found.add(Violation.at(Workload.class, "consumerBacklogSizeGB",
                    "consumerBacklogSizeGB must be at least 0, was " + consumerBacklogSizeGB));
        }
        if (!(backlogDrainRatio > 0 && backlogDrainRatio <= 1)) {
            found.add(Violation.at(Workload.class, "backlogDrainRatio",
                    "backlogDrainRatio must be above 0 and at most 1, was " + backlogDrainRatio));
        }
        return found;
    }

    /** Throws the first violation's message as an {@link IllegalArgumentException}, if there is one. */
    public static void requireNone(List<Violation> violations) {
        if (!violations.isEmpty()) {
            throw new IllegalArgumentException(violations.get(0).message());
        }
    }

    private static List<Violation> workloadShape(int topics, int partitionsPerTopic, int messageSize,
                                                 int producersPerTopic, int subscriptionsPerTopic,
                                                 int consumersPerSubscription) {
        List<Violation> found = new ArrayList<>();
        atLeast("topics", topics, 1).ifPresent(found::add);
        atLeast("partitionsPerTopic", partitionsPerTopic, 1).ifPresent(found::add);
        if (messageSize < PayloadStamp.SIZE) {
            found.add(Violation.at(Workload.class, "messageSize", "messageSize " + messageSize
                    + " is smaller than the " + PayloadStamp.SIZE + "-byte stamp every message carries; use at least "
                    + PayloadStamp.SIZE));
        }
        atLeast("producersPerTopic", producersPerTopic, 1).ifPresent(found::add);
        atLeast("subscriptionsPerTopic", subscriptionsPerTopic, 0).ifPresent(found::add);
        // Without subscriptions nothing consumes (producer-only, as OMB runs it) whatever this says.
        if (subscriptionsPerTopic > 0) {
            atLeast("consumersPerSubscription", consumersPerSubscription, 1).ifPresent(found::add);
        }
        return found;
    }

    private static Optional<Violation> atLeast(String field, int value, int min) {
        return value >= min ? Optional.empty()
                : Optional.of(Violation.at(Workload.class, field, field + " must be at least " + min + ", was " + value));
    }

    /** A workload's rate: messages per second, or 0 for the maximum-rate search (OMB's {@code producerRate: 0}). */
    private static Optional<Violation> producerRate(double rate) {
        return rate >= 0 && Double.isFinite(rate) ? Optional.empty()
                : Optional.of(Violation.at(ProducerRate.class, "value",
                        "producerRate must be a positive number of messages per second (or 0 to search the maximum), was "
                                + rate));
    }

    private static List<Violation> rateAnnotation(ProducerRate rate) {
        if (rate == null) {
            return List.of(Violation.at(Workload.class, null,
                    "a benchmark class needs @ProducerRate: a rate in messages per second, or max = true"));
        }
        if (!rate.objective().isEmpty()) {
            if (!rate.max()) {
                return List.of(Violation.at(ProducerRate.class, "objective",
                        "an objective applies to the maximum-rate search only: add max = true"));
            }
            try {
                io.msgbench.search.RateObjective.parse(rate.objective());
            } catch (IllegalArgumentException e) {
                return List.of(Violation.at(ProducerRate.class, "objective", e.getMessage()));
            }
        }
        if (rate.max()) {
            return rate.value() == 0 ? List.of() : List.of(Violation.at(ProducerRate.class, "value",
                    "@ProducerRate(max = true) searches the rate; give no value with it, was " + rate.value()));
        }
        return rate.value() > 0 && Double.isFinite(rate.value()) ? List.of()
                : List.of(Violation.at(ProducerRate.class, "value",
                        "producerRate must be a positive number of messages per second (max = true searches the "
                                + "maximum), was " + rate.value()));
    }

    private static List<Violation> params(List<Param> params) {
        List<Violation> found = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < params.size(); i++) {
            Param p = params.get(i);
            if (p.name().isBlank()) {
                found.add(new Violation(Param.class, "name", i,
                        "@Param name must be a non-blank parameter name, was \"" + p.name() + "\""));
            } else if (!seen.add(p.name())) {
                found.add(new Violation(Param.class, "name", i,
                        "@Param " + p.name() + " is declared twice; each name may be declared once"));
            }
            if (p.values().length == 0) {
                found.add(new Violation(Param.class, "values", i,
                        "@Param " + p.name() + " must have at least one value, has none"));
            }
        }
        return found;
    }

    /** An iteration setting: {@link BenchmarkDeclaration#NOT_SET} or at least {@code min}. */
    private static Optional<Violation> setting(Class<? extends Annotation> annotation, String member, long value, long min) {
        if (value == BenchmarkDeclaration.NOT_SET || value >= min) {
            return Optional.empty();
        }
        String name = member.equals("value") ? "@" + annotation.getSimpleName()
                : "@" + annotation.getSimpleName() + " " + member;
        return Optional.of(Violation.at(annotation, member, name + " must be at least " + min + " (or "
                + BenchmarkDeclaration.NOT_SET + " for not set), was " + value));
    }

    private static Violation withoutWorkload(BenchmarkDeclaration d) {
        Class<? extends Annotation> present = d.producerRate() != null ? ProducerRate.class
                : !d.params().isEmpty() ? Param.class
                : d.warmup() != null ? Warmup.class
                : d.measurement() != null ? Measurement.class
                : d.fork() != null ? Fork.class
                : d.timeout() != null ? Timeout.class
                : null;
        if (present == null) {
            return Violation.ofClass("a benchmark class needs @Workload");
        }
        return new Violation(present, null, present == Param.class ? 0 : -1,
                "@" + present.getSimpleName() + " has no effect without @Workload; a benchmark class needs @Workload");
    }
}
