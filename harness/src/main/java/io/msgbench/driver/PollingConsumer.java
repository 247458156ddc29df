package io.msgbench.driver;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A consumer whose client is polled on a thread of its own (NATS fetches, Redis XREADGROUP): the thread polls until
 * closed, stops polling while paused (what arrives waits on the server: a backlog builds) and applies a pause between
 * two polls, so {@link #pause()} returns once nothing more reaches the listener. A subclass makes its client, then
 * calls {@link #start()}.
 */
public abstract class PollingConsumer implements ConsumerHandle {
    private static final Logger LOG = LoggerFactory.getLogger(PollingConsumer.class);
    private static final long PAUSED_SLEEP_MILLIS = 10;
    private static final long JOIN_MILLIS = 3_000;

    private final PauseSwitch pause = new PauseSwitch();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile Exception failure;

    protected PollingConsumer(String threadName) {
        this.thread = new Thread(this::pollLoop, threadName);
        this.thread.setDaemon(true);
    }

    protected final void start() {
        thread.start();
    }

    /**
     * One poll: waits a bounded time (about a second at most) for what arrives and hands it to the listener, one
     * message at a time, acknowledging it as the system wants.
     */
    protected abstract void poll() throws Exception;

    /**
     * On the poll thread, when a pause was asked for and before it takes effect: a client that holds messages it
     * pulled already (a continuous pull) stops pulling and hands them to the listener here, since nothing may reach
     * the listener once {@link #pause()} returned.
     */
    protected void pausing() throws Exception {
    }

    /** Releases the client once polling ended (the poll thread is done or did not stop in time). */
    protected void closeClient() {
    }

    private void pollLoop() {
        boolean wasPaused = false;
        try {
            while (running) {
                boolean paused = pause.requested();
                if (paused && !wasPaused) {
                    pausing();
                }
                wasPaused = paused;
                pause.applied(paused);
                if (paused) {
                    Thread.sleep(PAUSED_SLEEP_MILLIS);
                    continue;
                }
                poll();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            if (running) {
                failure = e;
                LOG.error("{} stopped: {}", thread.getName(), e.toString());
            }
        }
    }

    @Override
    public boolean awaitAssignment(Duration timeout) {
        return true; // what it polls exists once the consumer does
    }

    @Override
    public final void pause() {
        pause.request(true, thread);
    }

    @Override
    public final void resume() {
        pause.request(false, thread);
    }

    @Override
    public final Exception failure() {
        return failure;
    }

    @Override
    public final void close() {
        running = false;
        try {
            thread.join(JOIN_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        closeClient();
    }
}
