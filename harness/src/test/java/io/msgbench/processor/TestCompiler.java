package io.msgbench.processor;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Runs javac in-process on in-memory sources with {@link BenchmarkProcessor}, found on the test
 * classpath as a build would find it, into a real output directory (also on the classpath, as Maven
 * puts {@code target/classes}) so that successive compilations behave like incremental builds.
 */
final class TestCompiler {

    /** One in-memory compilation unit; {@code text}'s lines are what diagnostics count. */
    record Source(String className, String text) {
        JavaFileObject file() {
            URI uri = URI.create("string:///" + className.replace('.', '/') + JavaFileObject.Kind.SOURCE.extension);
            return new SimpleJavaFileObject(uri, JavaFileObject.Kind.SOURCE) {
                @Override
                public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                    return text;
                }
            };
        }
    }

    record Result(boolean success, List<Diagnostic<? extends JavaFileObject>> diagnostics) {
        List<Diagnostic<? extends JavaFileObject>> errors() {
            return of(Diagnostic.Kind.ERROR);
        }

        List<Diagnostic<? extends JavaFileObject>> warnings() {
            List<Diagnostic<? extends JavaFileObject>> w = new ArrayList<>(of(Diagnostic.Kind.WARNING));
            w.addAll(of(Diagnostic.Kind.MANDATORY_WARNING));
            return w;
        }

        private List<Diagnostic<? extends JavaFileObject>> of(Diagnostic.Kind kind) {
            return diagnostics.stream().filter(d -> d.getKind() == kind).toList();
        }

        /** For assertion messages: the diagnostics as javac prints them. */
        String describe() {
            StringBuilder b = new StringBuilder();
            diagnostics.forEach(d -> b.append(d.getKind()).append(" line ").append(d.getLineNumber())
                    .append(" col ").append(d.getColumnNumber()).append(": ").append(d.getMessage(Locale.ROOT)).append('\n'));
            return b.toString();
        }
    }

    private TestCompiler() {
    }

    /** Where the compilation into {@code out} writes generated sources: beside it, not on the classpath. */
    static Path generatedSources(Path out) {
        return out.resolveSibling(out.getFileName() + "-generated");
    }

    static Result compile(Path out, Source... sources) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
            Path generated = Files.createDirectories(generatedSources(out));
            List<String> options = List.of(
                    "-d", out.toString(),
                    "-s", generated.toString(),
                    "-classpath", System.getProperty("java.class.path") + File.pathSeparator + out,
                    "-processor", BenchmarkProcessor.class.getName(),
                    "-Xlint:all,-processing"); // as the build: see BenchmarkProcessor on claiming
            List<JavaFileObject> units = Arrays.stream(sources).map(Source::file).toList();
            boolean success = javac.getTask(null, files, diagnostics, options, null, units).call();
            return new Result(success, diagnostics.getDiagnostics());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
