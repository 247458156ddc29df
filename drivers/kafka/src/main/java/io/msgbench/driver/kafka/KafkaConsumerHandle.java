package io.msgbench.driver.kafka;

import io.msgbench.driver.ConsumerHandle;
import io.msgbench.driver.MessageListener;
import io.msgbench.driver.PauseSwitch;
import io.msgbench.metrics.EpochNanoClock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One KafkaConsumer on its own poll thread. The receive time is read once when poll() returns and
 * applies to the whole batch: end-to-end latency means "handed to the application".
 */
final class KafkaConsumerHandle implements ConsumerHandle, ConsumerRebalanceListener {
    private static final Logger LOG = LoggerFactory.getLogger(KafkaConsumerHandle.class);
    private static final Duration POLL_TIMEOUT = Duration.ofMillis(100);
    /** How long closing may take: see {@link #pollLoop}. */
    private static final Duration CLOSE_BOUND = Duration.ofSeconds(3);

    private final String topic;
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final MessageListener listener;
    private final EpochNanoClock clock;
    private final CountDownLatch assigned = new CountDownLatch(1);
    private final Thread thread;
    private volatile boolean running = true;
    /** Asked for by {@link #pause()}/{@link #resume()}; applied by the poll thread, which owns the consumer. */
    private final PauseSwitch pause = new PauseSwitch();
    private volatile Exception failure;

    KafkaConsumerHandle(String topic, KafkaConsumer<byte[], byte[]> consumer, MessageListener listener,
                        EpochNanoClock clock) {
        this.topic = topic;
        this.consumer = consumer;
        this.listener = listener;
        this.clock = clock;
        this.thread = new Thread(this::pollLoop, "msgbench-consumer-" + topic);
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    private void pollLoop() {
        try {
            consumer.subscribe(List.of(topic), this);
            while (running) {
                applyPause();
                ConsumerRecords<byte[], byte[]> records = consumer.poll(POLL_TIMEOUT);
                if (records.isEmpty()) {
                    continue;
                }
                long receiveTime = clock.epochNanos();
                for (ConsumerRecord<byte[], byte[]> r : records) {
                    listener.onMessage(r.partition(), r.value(), receiveTime);
                }
            }
        } catch (WakeupException e) {
            // close() asked us to stop
        } catch (RuntimeException e) {
            failure = e;
            LOG.error("Consumer of {} stopped: {}", topic, e.toString());
        } finally {
            // Closing commits the offsets (auto-commit) and leaves the group: quick, unless a member of the group died
            // (a lost worker) and the commit waits on the rebalance for its session timeout. The benchmark's topics
            // are deleted next, so the commit may be given up.
            consumer.close(CLOSE_BOUND);
        }
    }

    /** Poll thread: pauses or resumes every assigned partition when asked to (polling goes on: the group stays). */
    private void applyPause() {
        boolean wanted = pause.requested();
        if (wanted != pause.applied()) {
            if (wanted) {
                consumer.pause(consumer.assignment());
            } else {
                consumer.resume(consumer.paused());
            }
            pause.applied(wanted);
        }
    }

    /** Also called with an empty set when the group has more consumers than partitions: that is ready too. */
    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
        if (pause.applied()) {
            consumer.pause(partitions); // a rebalance while paused must not start delivering
        }
        assigned.countDown();
    }

    @Override
    public void pause() {
        pause.request(true, thread);
    }

    @Override
    public void resume() {
        pause.request(false, thread);
    }

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
        // nothing to commit beyond auto-commit: the harness counts, it does not process
    }

    /** Returns early, false, when the poll thread died. */
    @Override
    public boolean awaitAssignment(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (failure == null) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            if (assigned.await(Math.min(left, TimeUnit.MILLISECONDS.toNanos(100)), TimeUnit.NANOSECONDS)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public Exception failure() {
        return failure;
    }

    @Override
    public void close() {
        if (!running) {
            return;
        }
        running = false;
        consumer.wakeup();
        try {
            thread.join(TimeUnit.SECONDS.toMillis(15));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
