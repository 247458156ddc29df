package io.msgbench.worker;

/**
 * What a worker of a distributed run hosts: by default both producers and consumers (a scenario spreads over all
 * workers); dedicated producing or consuming workers keep a host's CPU and network for one side of the load.
 */
public enum WorkerRole {
    BOTH(true, true), PRODUCE(true, false), CONSUME(false, true);

    private final boolean produces;
    private final boolean consumes;

    WorkerRole(boolean produces, boolean consumes) {
        this.produces = produces;
        this.consumes = consumes;
    }

    public boolean produces() {
        return produces;
    }

    public boolean consumes() {
        return consumes;
    }

    /** The role of a worker named with this one's and {@code other}'s (e.g. as producer and as consumer). */
    public WorkerRole and(WorkerRole other) {
        return produces || other.produces ? (consumes || other.consumes ? BOTH : PRODUCE) : CONSUME;
    }
}
