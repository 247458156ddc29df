package io.msgbench.runner;

import io.msgbench.broker.BrokerHandle;
import io.msgbench.driver.MessagingSystem;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;

/** {@code broker}: a standalone embedded Kafka broker for manual use, until Ctrl-C. */
@Command(name = "broker", description = "Starts an embedded single-node Kafka broker (KRaft) on loopback, "
        + "prints its address and runs until Ctrl-C; its data directory is deleted when it stops.")
final class BrokerCommand implements Callable<Integer> {
    @picocli.CommandLine.Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Override
    public Integer call() throws InterruptedException {
        long start = System.nanoTime();
        BrokerHandle broker = MessagingSystem.named("kafka").startEmbedded(1, MessagingSystem.LOOPBACK);
        System.out.printf(java.util.Locale.ROOT, "Kafka %s broker at %s (started in %.1f s); Ctrl-C stops it.%n",
                broker.version(), broker.bootstrapServers(), (System.nanoTime() - start) / 1e9);
        System.out.println("bootstrap.servers=" + broker.bootstrapServers());
        // The broker's own shutdown hook stops it on Ctrl-C; this thread just waits.
        new CountDownLatch(1).await();
        return 0;
    }
}
