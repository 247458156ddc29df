package io.msgbench.worker.http;

import io.msgbench.worker.InProcessWorker;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.TimeUnit;

/**
 * The main of a forked worker JVM: serves an {@link InProcessWorker} on a free loopback port, prints
 * {@value #READY_PREFIX}{@code <port>} on stdout, and exits when the coordinator closes it through the
 * API or closes this process's stdin (which also happens when the coordinator dies, even by SIGKILL), so
 * a fork never outlives its host.
 */
public final class WorkerMain {
    public static final String READY_PREFIX = "MSGBENCH-WORKER-PORT ";
    /** Longest the worker may take to close its clients and delete its topics before the JVM exits anyway. */
    private static final long CLOSE_BOUND_SECONDS = 20;
    /**
     * When the coordinator is gone without closing the session (killed, its host down), how long the fork may try to
     * close its clients before it halts: the broker may be gone with it, and a fork must not outlive its host by more
     * than 2 s (its topics on an external cluster stay: nobody is left to want them deleted at that cost).
     */
    static final long ORPHAN_EXIT_MILLIS = 1500;
    /** A fork's coordinator silent this long is gone (its heartbeat comes every 2 s); stdin usually says so first. */
    private static final Duration FORK_SILENCE = Duration.ofSeconds(60);

    private WorkerMain() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        AtomicBoolean orphaned = new AtomicBoolean();
        WorkerServer server = new WorkerServer(InProcessWorker::create,
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                new WorkerServer.Options(null, FORK_SILENCE, true), done::countDown);
        System.out.println(READY_PREFIX + server.port());
        System.out.flush();
        Thread stdinWatch = new Thread(() -> {
            try {
                InputStream in = System.in;
                while (in.read() >= 0) {
                    // the coordinator never writes; EOF means it is gone or done with us
                }
            } catch (IOException e) {
                // same as EOF
            }
            orphaned.set(true);
            done.countDown();
        }, "msgbench-worker-stdin");
        stdinWatch.setDaemon(true);
        stdinWatch.start();
        done.await();
        // Closed through the API (the coordinator's close, then its stdin EOF) the session is closed already; an EOF
        // alone means the coordinator died: no time for a graceful close.
        boolean orphan = orphaned.get() && server.hasSession();
        long bound = orphan ? ORPHAN_EXIT_MILLIS : TimeUnit.SECONDS.toMillis(CLOSE_BOUND_SECONDS);
        if (orphan) {
            Thread halt = new Thread(() -> {
                try {
                    Thread.sleep(ORPHAN_EXIT_MILLIS + 300);
                } catch (InterruptedException e) {
                    return;
                }
                Runtime.getRuntime().halt(3); // shutdown hooks that block must not keep an orphan alive
            }, "msgbench-worker-orphan-halt");
            halt.setDaemon(true);
            halt.start();
        }
        Thread closer = new Thread(server::closeSession, "msgbench-worker-close");
        closer.setDaemon(true);
        closer.start();
        closer.join(bound);
        server.close();
        System.exit(orphan ? 3 : 0);
    }
}
