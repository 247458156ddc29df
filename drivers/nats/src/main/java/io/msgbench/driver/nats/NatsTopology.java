package io.msgbench.driver.nats;

/**
 * How msgbench's topics map onto JetStream: a topic is a stream of the same name (characters a stream name may not
 * hold become {@code _}) taking the subjects {@code <stream>.<partition>}; a subscription is one durable pull
 * consumer on the stream, which every consumer of the subscription pulls from (JetStream shares the messages among
 * them). The partition count rides in the stream's description, so a worker that did not create the stream finds it.
 */
final class NatsTopology {
    static final String PARTITIONS = "msgbench partitions=";

    private NatsTopology() {
    }

    /** A name JetStream accepts for a stream or a durable consumer. */
    static String name(String topicOrSubscription) {
        return topicOrSubscription.replaceAll("[^A-Za-z0-9_-]", "_");
    }

    static String[] subjects(String stream, int partitions) {
        String[] subjects = new String[partitions];
        for (int p = 0; p < partitions; p++) {
            subjects[p] = stream + "." + p;
        }
        return subjects;
    }

    /** The partition a message's subject names, −1 for a subject of another shape. */
    static int partition(String subject) {
        int dot = subject.lastIndexOf('.');
        if (dot < 0) {
            return -1;
        }
        try {
            return Integer.parseInt(subject, dot + 1, subject.length(), 10);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    static String description(int partitions) {
        return PARTITIONS + partitions;
    }

    /** The partitions a stream's description gives, or −1. */
    static int partitions(String description) {
        if (description == null || !description.startsWith(PARTITIONS)) {
            return -1;
        }
        return Integer.parseInt(description.substring(PARTITIONS.length()).trim());
    }
}
