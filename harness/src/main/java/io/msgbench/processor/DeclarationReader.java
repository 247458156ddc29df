package io.msgbench.processor;

import io.msgbench.api.Fork;
import io.msgbench.api.Measurement;
import io.msgbench.api.Param;
import io.msgbench.api.ProducerRate;
import io.msgbench.api.Timeout;
import io.msgbench.api.Warmup;
import io.msgbench.api.Workload;
import io.msgbench.scenario.BenchmarkDeclaration;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * Reads a class being compiled into a {@link BenchmarkDeclaration} through javac's annotation proxies
 * ({@code getAnnotation}), which give the same values reflection gives at run time — so the processor
 * and {@link io.msgbench.scenario.BenchmarkDefinition#of(Class)} check one declaration with one set of
 * rules. (The msgbench annotations have no {@code Class} members, the one thing proxies cannot return.)
 */
final class DeclarationReader {
    private DeclarationReader() {
    }

    static BenchmarkDeclaration read(TypeElement type, Elements elements) {
        Set<Modifier> modifiers = type.getModifiers();
        BenchmarkDeclaration.ClassShape shape = new BenchmarkDeclaration.ClassShape(
                modifiers.contains(Modifier.PUBLIC),
                modifiers.contains(Modifier.ABSTRACT),
                type.getNestingKind().isNested() && !modifiers.contains(Modifier.STATIC));
        return new BenchmarkDeclaration(elements.getBinaryName(type).toString(), shape,
                type.getAnnotation(Workload.class), type.getAnnotation(ProducerRate.class),
                List.of(type.getAnnotationsByType(Param.class)), type.getAnnotation(Warmup.class),
                type.getAnnotation(Measurement.class), type.getAnnotation(Fork.class), type.getAnnotation(Timeout.class));
    }
}
