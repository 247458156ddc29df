package io.msgbench.processor;

import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;

/**
 * Reports an error at an annotation written in the source, found through javac's tree API. Needed for
 * repeated annotations only: javac wraps them in a container annotation that exists in no source, and
 * {@link javax.annotation.processing.Messager} cannot map a value inside it to a position (JDK 17 puts
 * the error on the class instead). Kept apart so that nothing else depends on {@code jdk.compiler}.
 */
final class TreeLocator {
    private final Trees trees;

    private TreeLocator(Trees trees) {
        this.trees = trees;
    }

    /** The locator, or {@code null} when the processor does not run inside javac (or a wrapper hides it). */
    static TreeLocator of(ProcessingEnvironment env) {
        try {
            return new TreeLocator(Trees.instance(env));
        } catch (IllegalArgumentException | LinkageError e) {
            return null;
        }
    }

    /**
     * Reports {@code message} at the value of {@code member} of the {@code nth} (from 0) annotation of
     * type {@code annotation} written on {@code type}, or at that annotation when {@code member} is
     * {@code null} or not written.
     *
     * @return false when the source tree is not available, and nothing was reported
     */
    boolean error(String message, TypeElement type, TypeElement annotation, int nth, String member) {
        TreePath classPath = trees.getPath(type);
        if (classPath == null || !(classPath.getLeaf() instanceof ClassTree classTree)) {
            return false;
        }
        TreePath modifiers = new TreePath(classPath, classTree.getModifiers());
        int seen = 0;
        for (AnnotationTree written : classTree.getModifiers().getAnnotations()) {
            TreePath path = new TreePath(modifiers, written);
            Element writtenType = trees.getElement(new TreePath(path, written.getAnnotationType()));
            if (annotation.equals(writtenType) && seen++ == nth) {
                Tree at = member == null ? written : valueTree(written, member);
                trees.printMessage(Diagnostic.Kind.ERROR, message, at, classPath.getCompilationUnit());
                return true;
            }
        }
        return false;
    }

    private static Tree valueTree(AnnotationTree annotation, String member) {
        for (ExpressionTree argument : annotation.getArguments()) {
            if (argument instanceof AssignmentTree assignment) {
                if (assignment.getVariable() instanceof IdentifierTree name && name.getName().contentEquals(member)) {
                    return assignment.getExpression();
                }
            } else if (member.equals("value")) {
                return argument;
            }
        }
        return annotation;
    }
}
