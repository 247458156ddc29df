package io.msgbench.report;

import io.msgbench.metrics.ProcessCpu;
import io.msgbench.metrics.Readings;

/** A measured window with the profilers' figures for it: an iteration or one of its report periods. */
public interface ProfiledWindow extends MeasuredWindow {
    /** What the load generator used in the window, with its JVM's ({@code gc}) and hosts' ({@code os}) figures. */
    ProcessCpu cpu();

    /** The broker's own figures accrued in the window ({@code -prof broker}), or null. */
    Readings broker();
}
