package io.msgbench.driver;

/**
 * Delivery of received messages; called from the consumer's own poll thread, one call at a time per
 * consumer (the harness's per-consumer verification relies on it and takes no lock).
 */
public interface MessageListener {
    /**
     * One received message.
     *
     * @param partition         the partition (or equivalent shard) it came from, −1 if none
     * @param payload           the message value; only valid during the call
     * @param receiveEpochNanos when the poll that returned it completed, from the driver's clock
     *                          (one reading per poll, applied to its whole batch)
     */
    void onMessage(int partition, byte[] payload, long receiveEpochNanos);
}
