package io.msgbench.report;

/**
 * What the coordinator itself spent on one fork, by kind of work: its own process's CPU and the wall time, so that
 * a user can see it is not what limits a distributed run (DESIGN §10).
 *
 * @param reportPeriods each report period's end: every worker's cumulative statistics read and merged
 * @param iterationEnds each iteration's end: the phase boundary on every worker, the iteration's statistics read and
 *                      merged
 * @param drain         the drain and the verification of every message from every worker's receipts
 * @param clocks        each estimate of every worker's clock (before the load, after each iteration), and the
 *                      corrections sent to the consuming workers
 */
public record CoordinatorCost(Work reportPeriods, Work iterationEnds, Work drain, Work clocks) {
    public static final CoordinatorCost NONE = new CoordinatorCost(Work.NONE, Work.NONE, Work.NONE, Work.NONE);

    /** {@code count} times one kind of work, in all. */
    public record Work(int count, long wallNanos, long cpuNanos) {
        public static final Work NONE = new Work(0, 0, 0);

        public Work plus(long wall, long cpu) {
            return new Work(count + 1, wallNanos + wall, cpuNanos + cpu);
        }

        public double meanWallMillis() {
            return count == 0 ? 0 : wallNanos / 1e6 / count;
        }

        public double meanCpuMillis() {
            return count == 0 ? 0 : cpuNanos / 1e6 / count;
        }
    }
}
