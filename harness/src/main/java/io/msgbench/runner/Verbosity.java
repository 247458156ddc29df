package io.msgbench.runner;

/** JMH's verbosity levels: {@code EXTRA} adds stack traces to error lines. */
enum Verbosity {
    SILENT, NORMAL, EXTRA
}
