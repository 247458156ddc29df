package io.msgbench.driver;

/**
 * What one top-level key of a system's own OMB driver file means to msgbench (OMB's RabbitMQ file has
 * {@code amqpUris} and {@code queueType} where Kafka's has property blocks): a setting of one side or of the topics, the servers'
 * address, or nothing msgbench needs (with why).
 *
 * @param side  where the setting goes
 * @param name  the setting's name (for {@link Side#ADDRESS}, empty; for {@link Side#IGNORED}, the nested key or empty)
 * @param value the setting's value, the address, or why the key is ignored
 */
public record OmbFileKey(Side side, String name, String value) {
    /** Where a key's value goes. */
    public enum Side { COMMON, PRODUCER, CONSUMER, TOPIC, ADDRESS, IGNORED }

    public static OmbFileKey producer(String name, String value) {
        return new OmbFileKey(Side.PRODUCER, name, value);
    }

    public static OmbFileKey consumer(String name, String value) {
        return new OmbFileKey(Side.CONSUMER, name, value);
    }

    /** A setting of the topics the run creates (NATS's stream storage and limits). */
    public static OmbFileKey topic(String name, String value) {
        return new OmbFileKey(Side.TOPIC, name, value);
    }

    public static OmbFileKey address(String address) {
        return new OmbFileKey(Side.ADDRESS, "", address);
    }

    public static OmbFileKey ignored(String why) {
        return new OmbFileKey(Side.IGNORED, "", why);
    }

    /** A key inside a nested block ({@code name}) that msgbench does not need, with why. */
    public static OmbFileKey ignored(String name, String why) {
        return new OmbFileKey(Side.IGNORED, name, why);
    }
}
