package io.msgbench.worker.http;

import io.msgbench.worker.InProcessWorker;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.CountDownLatch;
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
    /** A fork's coordinator silent this long is gone (its heartbeat comes every 2 s); stdin usually says so first. */
    private static final Duration FORK_SILENCE = Duration.ofSeconds(60);

    private WorkerMain() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
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
            done.countDown();
        }, "msgbench-worker-stdin");
        stdinWatch.setDaemon(true);
        stdinWatch.start();
        done.await();
        Thread closer = new Thread(server::closeSession, "msgbench-worker-close");
        closer.setDaemon(true);
        closer.start();
        closer.join(TimeUnit.SECONDS.toMillis(CLOSE_BOUND_SECONDS));
        server.close();
        System.exit(0);
    }
}
