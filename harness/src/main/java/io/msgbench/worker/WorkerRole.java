package io.msgbench.worker;

/**
 * What a worker of a distributed run hosts: by default both producers and consumers (a scenario spreads over all
 * workers); dedicated producing or consuming workers keep a host's CPU and network for one side of the load.
 */
public enum WorkerRole {
    BOTH, PRODUCE, CONSUME;

    public boolean produces() {
        return this != CONSUME;
    }

    public boolean consumes() {
        return this != PRODUCE;
    }

    /** The role of a worker named with this one's and {@code other}'s (e.g. as producer and as consumer). */
    public WorkerRole and(WorkerRole other) {
        return this == other ? this : BOTH;
    }
}
