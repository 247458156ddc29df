package io.msgbench.processor;

import io.msgbench.api.Param;
import io.msgbench.api.Params;
import io.msgbench.scenario.BenchmarkRules.Violation;
import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.annotation.processing.Messager;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;
import javax.tools.Diagnostic;

/**
 * Reports a {@link Violation} as a compile error on the benchmark class, pointing at the offending
 * annotation value when the violation names one that is written in the source (not left at its
 * default), else at the annotation, else at the class.
 */
final class ViolationReporter {
    /**
     * Where one {@code @Param} sits: {@code onClass} is the annotation on the class that holds it (the
     * {@code @Param} itself, or a {@code @Params}); {@code synthesized} when that {@code @Params} is the
     * container javac made for repeated {@code @Param}s, which no source position belongs to.
     */
    private record ParamSite(AnnotationMirror onClass, AnnotationMirror param, boolean synthesized) {
    }

    private final Messager messager;
    private final Elements elements;
    private final TreeLocator trees;

    ViolationReporter(ProcessingEnvironment env) {
        this.messager = env.getMessager();
        this.elements = env.getElementUtils();
        this.trees = TreeLocator.of(env);
    }

    void report(TypeElement type, Violation v) {
        if (v.annotation() == null) {
            messager.printMessage(Diagnostic.Kind.ERROR, v.message(), type);
        } else if (v.annotation() == Param.class) {
            reportParam(type, v);
        } else {
            AnnotationMirror mirror = type.getAnnotationMirrors().stream()
                    .filter(m -> is(m, v.annotation()))
                    .findFirst().orElseThrow();
            messager.printMessage(Diagnostic.Kind.ERROR, v.message(), type, mirror, written(mirror, v.member()));
        }
    }

    private void reportParam(TypeElement type, Violation v) {
        List<ParamSite> sites = paramSites(type);
        ParamSite site = sites.get(v.index());
        if (site.synthesized() && trees != null) {
            int nth = (int) sites.subList(0, v.index()).stream().filter(ParamSite::synthesized).count();
            if (trees.error(v.message(), type, elements.getTypeElement(Param.class.getCanonicalName()), nth, v.member())) {
                return;
            }
        }
        messager.printMessage(Diagnostic.Kind.ERROR, v.message(), type, site.onClass(), written(site.param(), v.member()));
    }

    /** The class's {@code @Param}s in declaration order, the order {@code getAnnotationsByType} gives. */
    private List<ParamSite> paramSites(TypeElement type) {
        List<ParamSite> sites = new ArrayList<>();
        for (AnnotationMirror m : type.getAnnotationMirrors()) {
            if (is(m, Param.class)) {
                sites.add(new ParamSite(m, m, false));
            } else if (is(m, Params.class)) {
                boolean synthesized = elements.getOrigin(type, m) == Elements.Origin.MANDATED;
                for (Object value : (List<?>) written(m, "value").getValue()) {
                    sites.add(new ParamSite(m, (AnnotationMirror) ((AnnotationValue) value).getValue(), synthesized));
                }
            }
        }
        return sites;
    }

    private static boolean is(AnnotationMirror mirror, Class<? extends Annotation> annotation) {
        return ((TypeElement) mirror.getAnnotationType().asElement()).getQualifiedName()
                .contentEquals(annotation.getCanonicalName());
    }

    /** The value of {@code member} as written in the source; {@code null} when it is left at its default. */
    private static AnnotationValue written(AnnotationMirror mirror, String member) {
        if (member == null) {
            return null;
        }
        for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> e : mirror.getElementValues().entrySet()) {
            if (e.getKey().getSimpleName().contentEquals(member)) {
                return e.getValue();
            }
        }
        return null;
    }
}
