package io.msgbench.processor;

import io.msgbench.api.Fork;
import io.msgbench.api.Measurement;
import io.msgbench.api.Param;
import io.msgbench.api.Params;
import io.msgbench.api.ProducerRate;
import io.msgbench.api.Timeout;
import io.msgbench.api.Warmup;
import io.msgbench.api.Workload;
import io.msgbench.scenario.BenchmarkDeclaration;
import io.msgbench.scenario.BenchmarkDefinition;
import io.msgbench.scenario.BenchmarkIndex;
import io.msgbench.scenario.BenchmarkRules.Violation;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.util.List;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;
import javax.annotation.processing.SupportedAnnotationTypes;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.tools.Diagnostic;

/**
 * msgbench's annotation processor, found by javac on the classpath through
 * {@code META-INF/services/javax.annotation.processing.Processor}: the JMH approach, doing the work
 * at compile time. For each class carrying a msgbench annotation it checks the declaration against
 * {@link io.msgbench.scenario.BenchmarkRules} (a broken benchmark fails {@code javac}, with the error
 * at the offending annotation value), generates a {@link io.msgbench.scenario.GeneratedBenchmark}
 * for a valid one, and in the last round writes the index {@value BenchmarkIndex#RESOURCE} the runner
 * reads. Harness itself is compiled with {@code -proc:none}.
 *
 * <p>It supports {@code "*"}, as JMH's does, because javac calls a processor only for compilations
 * containing an annotation it supports: a compilation that removed the last {@code @Workload} must
 * still rewrite the index. Unlike JMH's it claims nothing ({@code process} returns false), so other
 * processors on the same path (JMH's in microbenchmarks) still see every annotation; the price is
 * javac's "no processor claimed" note under {@code -Xlint:processing}, which the build turns off.
 */
@SupportedAnnotationTypes("*")
public final class BenchmarkProcessor extends AbstractProcessor {
    private static final Set<Class<? extends Annotation>> ANNOTATIONS = Set.of(Workload.class, ProducerRate.class,
            Param.class, Params.class, Warmup.class, Measurement.class, Fork.class, Timeout.class);

    private final BenchmarkListIndex index = new BenchmarkListIndex();
    private ViolationReporter reporter;

    @Override
    public synchronized void init(ProcessingEnvironment env) {
        super.init(env);
        reporter = new ViolationReporter(env);
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        Elements elements = processingEnv.getElementUtils();
        index.compiled(round.getRootElements(), elements);
        if (round.processingOver()) {
            writeIndex(elements);
        } else {
            for (TypeElement type : ElementFilter.typesIn(round.getElementsAnnotatedWithAny(ANNOTATIONS))) {
                process(type, elements);
            }
        }
        return false;
    }

    private void process(TypeElement type, Elements elements) {
        BenchmarkDeclaration declaration = DeclarationReader.read(type, elements);
        List<Violation> violations = declaration.violations();
        if (!violations.isEmpty()) {
            violations.forEach(v -> reporter.report(type, v));
            return;
        }
        String generated = GeneratedSourceWriter.generatedName(type, elements);
        try {
            BenchmarkDefinition definition = declaration.toDefinition();
            GeneratedSourceWriter.write(processingEnv.getFiler(), type, generated, definition);
            index.add(new BenchmarkIndex.Entry(declaration.className(), generated));
        } catch (IOException | IllegalArgumentException e) {
            processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR,
                    "cannot generate " + generated + ": " + e.getMessage(), type);
        }
    }

    private void writeIndex(Elements elements) {
        try {
            index.write(processingEnv.getFiler(), elements);
        } catch (IOException e) {
            processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR,
                    "cannot write " + BenchmarkIndex.RESOURCE + ": " + e.getMessage());
        }
    }
}
