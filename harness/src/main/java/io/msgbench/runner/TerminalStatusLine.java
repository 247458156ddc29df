package io.msgbench.runner;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/**
 * A status line at the bottom of a terminal, rewritten every second, under the run's normal output: whatever is
 * written through this stream first clears the status line, so lines never mix. Only for terminals — it writes
 * carriage returns and an ANSI erase; output to a file or a pipe never goes through it.
 */
final class TerminalStatusLine extends OutputStream {
    private static final byte[] CLEAR = "\r\033[K".getBytes(StandardCharsets.US_ASCII);
    private static final int MAX_WIDTH = 150;

    private final OutputStream terminal;
    private final Supplier<String> status;
    private final Thread ticker;
    private boolean shown;
    private boolean closed;

    TerminalStatusLine(OutputStream terminal, Supplier<String> status) {
        this.terminal = terminal;
        this.status = status;
        this.ticker = new Thread(this::tick, "msgbench-status-line");
        ticker.setDaemon(true);
    }

    TerminalStatusLine start() {
        ticker.start();
        return this;
    }

    private void tick() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                refresh();
                Thread.sleep(1_000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    synchronized void refresh() {
        if (closed) {
            return;
        }
        String line = "# " + status.get();
        if (line.length() > MAX_WIDTH) {
            line = line.substring(0, MAX_WIDTH - 1) + "…";
        }
        try {
            terminal.write(CLEAR);
            terminal.write(line.getBytes(StandardCharsets.UTF_8));
            terminal.flush();
            shown = true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void clear() throws IOException {
        if (shown) {
            terminal.write(CLEAR);
            shown = false;
        }
    }

    @Override
    public synchronized void write(int b) throws IOException {
        clear();
        terminal.write(b);
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) throws IOException {
        clear();
        terminal.write(b, off, len);
    }

    @Override
    public synchronized void flush() throws IOException {
        terminal.flush();
    }

    /** Stops the ticker and clears the line; the terminal itself stays open. */
    @Override
    public void close() throws IOException {
        ticker.interrupt();
        synchronized (this) {
            clear();
            closed = true;
            terminal.flush();
        }
    }
}
