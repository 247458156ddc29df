package io.msgbench.driver.rabbitmq;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.ConfirmListener;
import com.rabbitmq.client.MessageProperties;
import io.msgbench.driver.PartitionChooser;
import io.msgbench.driver.ProducerHandle;
import io.msgbench.driver.SendListener;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * A producer: its own channel in confirm mode (a channel is not for concurrent publishers), publishing to its
 * topic's exchange with the partition as routing key. A publisher confirm completes the send; a nack or a channel
 * that closes fails it. Per-send state lives in rings indexed by the publish sequence number, allocation-free.
 */
final class RabbitMqProducer implements ProducerHandle, ConfirmListener {
    /** Sequence numbers in flight may spread wider than their count when confirms come back out of order. */
    private static final int RING_SPREAD = 4;

    private final Channel channel;
    private final String exchange;
    private final String[] routingKeys;
    private final AMQP.BasicProperties properties;
    private final int mask;
    private final AtomicLongArray sequences;
    private final long[] tokens;
    private final AtomicReferenceArray<SendListener> listeners;
    private final PartitionChooser partitions;
    /** Lowest sequence number not yet confirmed (I/O thread only). */
    private long lowest = 1;

    RabbitMqProducer(Channel channel, String exchange, int partitions, boolean persistent, int maxInFlight)
            throws IOException {
        this.channel = channel;
        this.exchange = exchange;
        this.routingKeys = RabbitMqTopology.routingKeys(partitions);
        this.partitions = new PartitionChooser(partitions);
        this.properties = persistent ? MessageProperties.PERSISTENT_BASIC : MessageProperties.BASIC;
        int size = Integer.highestOneBit(Math.max(1, maxInFlight)) * RING_SPREAD;
        this.mask = size - 1;
        this.sequences = new AtomicLongArray(size);
        this.tokens = new long[size];
        this.listeners = new AtomicReferenceArray<>(size);
        channel.confirmSelect();
        channel.addConfirmListener(this);
    }

    @Override
    public void send(byte[] key, byte[] payload, long token, SendListener listener) {
        String routingKey = routingKeys[partitions.partition(key)];
        long sequence = channel.getNextPublishSeqNo();
        int slot = (int) (sequence & mask);
        tokens[slot] = token;
        listeners.set(slot, listener);
        sequences.set(slot, sequence); // published last: the I/O thread reads the slot after seeing it
        try {
            // the client writes the body to the socket before returning: the payload buffer may be reused
            channel.basicPublish(exchange, routingKey, properties, payload);
        } catch (IOException | RuntimeException e) {
            complete(sequence, e);
        }
    }

    @Override
    public void handleAck(long deliveryTag, boolean multiple) {
        confirm(deliveryTag, multiple, null);
    }

    @Override
    public void handleNack(long deliveryTag, boolean multiple) {
        confirm(deliveryTag, multiple, new IOException("the broker refused the message (publisher nack)"));
    }

    private void confirm(long tag, boolean multiple, Exception error) {
        if (multiple) {
            for (long s = lowest; s <= tag; s++) {
                complete(s, error);
            }
        } else {
            complete(tag, error);
        }
        while (lowest <= tag && sequences.get((int) (lowest & mask)) != lowest) {
            lowest++;
        }
    }

    private void complete(long sequence, Exception error) {
        int slot = (int) (sequence & mask);
        if (sequences.get(slot) != sequence) {
            return; // confirmed already
        }
        SendListener listener = listeners.get(slot);
        long token = tokens[slot];
        sequences.set(slot, 0);
        listeners.set(slot, null);
        if (listener != null) {
            listener.onCompletion(token, error);
        }
    }

    @Override
    public void flush() {
        try {
            channel.waitForConfirms(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (TimeoutException | RuntimeException e) {
            // sends still unconfirmed stay in flight: the drain counts them
        }
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException | TimeoutException | RuntimeException e) {
            // the connection is going anyway
        }
    }
}
