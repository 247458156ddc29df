package io.msgbench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.msgbench.metrics.GcActivity;
import io.msgbench.metrics.HostActivity;
import io.msgbench.metrics.ProcessCpu;
import io.msgbench.metrics.Readings;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Known readings over a 10-s window give known figures. */
class ProfileFiguresTest {
    private static final double MB = 1024 * 1024;

    private static Map<String, ProfileFigures.Figure> figures(ProcessCpu cpu, Readings broker) {
        PeriodResult p = new PeriodResult(0, 10_000_000_000L, 20_000, 0, 20_000, 0, 1024, Map.of()).profiled(cpu, broker);
        return ProfileFigures.of(p);
    }

    private static double value(Map<String, ProfileFigures.Figure> f, String name) {
        return f.get(name).value();
    }

    /** Each named figure has the value after it. */
    private static void expect(Map<String, ProfileFigures.Figure> f, Object... nameThenValue) {
        for (int i = 0; i < nameThenValue.length; i += 2) {
            String name = (String) nameThenValue[i];
            assertThat(value(f, name)).as(name).isCloseTo(((Number) nameThenValue[i + 1]).doubleValue(), within(1e-9));
        }
    }

    @Test
    void hostFiguresAreSharesRatesAndTimeMeans() {
        Readings host = new Readings(Map.of("cpu.user.seconds", 8.0, "cpu.system.seconds", 2.0, "cpu.idle.seconds",
                9.0, "cpu.iowait.seconds", 1.0, "net.lo.received.bytes", 50 * MB, "load1.integral", 15.0,
                "memory.used.bytes.integral", 10 * 512 * MB, "contextSwitches", 1000.0),
                Map.of("cpus", 2.0));
        Readings processes = new Readings(Map.of("worker.rss.bytes.integral", 10 * 200 * MB,
                "profiler.cpu.seconds", 0.02), Map.of());
        ProcessCpu cpu = new ProcessCpu(4_000_000_000L, 1_000_000_000L, 0, new GcActivity(20 * 1024 * 1024, 3, 30_000_000),
                new HostActivity(Map.of("h", host), processes));
        Map<String, ProfileFigures.Figure> f = figures(cpu, null);
        expect(f,
                "os.cpu.host", 50,
                "os.cpu.user", 40,
                "os.cpu.system", 10,
                "os.cpu.iowait", 5,
                "os.net.lo.received", 5);
        assertThat(f.get("os.net.lo.received").unit()).isEqualTo("MB/sec");
        expect(f,
                "os.load1", 1.5,
                "os.memory.used", 512,
                "os.contextSwitches", 100);
        assertThat(value(f, "os.loadgen.cpu")).as("5 CPU seconds of 20").isCloseTo(25, within(1e-9));
        expect(f,
                "os.worker.rss", 200,
                "os.profiler.cpu", 2,
                "gc.alloc.rate", 2,
                "gc.alloc.rate.norm", 1048.576);
        assertThat(f.get("gc.count")).isEqualTo(new ProfileFigures.Figure(3, "counts", true));
        assertThat(f).doesNotContainKeys("os.cgroup.cpu", "os.cpu.steal.x", "broker.cpu");
    }

    /** Two hosts: the busier one's figures; the load generator's share of both. */
    @Test
    void withSeveralHostsTheBusiestSpeaks() {
        Readings quiet = new Readings(Map.of("cpu.user.seconds", 2.0, "cpu.idle.seconds", 18.0), Map.of("cpus", 2.0));
        Readings busy = new Readings(Map.of("cpu.user.seconds", 19.0, "cpu.idle.seconds", 1.0), Map.of("cpus", 2.0));
        HostActivity a = new HostActivity(Map.of("a", quiet), Readings.NONE);
        HostActivity b = new HostActivity(Map.of("b", busy), Readings.NONE);
        ProcessCpu cpu = new ProcessCpu(8_000_000_000L, 0, 0, null, a.plus(b).plus(a));
        Map<String, ProfileFigures.Figure> f = figures(cpu, null);
        assertThat(value(f, "os.cpu.host")).isCloseTo(95, within(1e-9));
        assertThat(value(f, "os.loadgen.cpu")).isCloseTo(20, within(1e-9));
    }

    @Test
    void brokerFiguresAreRatesIdleSharesAndMeanTimes() {
        Readings broker = new Readings(Map.of("process.cpu.seconds", 7.0, "messages.in", 100_000.0, "bytes.in",
                100 * MB, "handler.idle.seconds", 16.0, "network.idle.seconds", 27.0, "produce.count", 400.0,
                "produce.total.ms.sum", 800.0, "produce.queue.ms.sum", 100.0, "gc.seconds", 0.25),
                Map.of("nodes", 2.0, "network.threads", 3.0, "partitions.underReplicated", 0.0));
        Map<String, ProfileFigures.Figure> f = figures(ProcessCpu.NONE, broker);
        expect(f,
                "broker.cpu", 0.7,
                "broker.messages.in", 10_000,
                "broker.bytes.in", 10);
        assertThat(value(f, "broker.handler.idle")).as("16 s idle over 10 s and 2 nodes").isCloseTo(80, within(1e-9));
        expect(f,
                "broker.network.idle", 90,
                "broker.produce.rate", 40,
                "broker.produce.time", 2,
                "broker.produce.queue.time", 0.25);
        assertThat(f.get("broker.gc.time")).isEqualTo(new ProfileFigures.Figure(250, "ms", true));
        assertThat(value(f, "broker.partitions.underReplicated")).isZero();
        assertThat(f).doesNotContainKeys("broker.fetch.time", "broker.flush.time");
    }

    @Test
    void readingsSubtractTotalsAndKeepTheLaterLevels() {
        Readings before = new Readings(Map.of("a", 1.0), Map.of("l", 5.0));
        Readings after = new Readings(Map.of("a", 4.0, "b", 2.0), Map.of("l", 7.0));
        assertThat(after.since(before)).isEqualTo(new Readings(Map.of("a", 3.0, "b", 2.0), Map.of("l", 7.0)));
        assertThat(after.plus(before)).isEqualTo(new Readings(Map.of("a", 5.0, "b", 2.0), Map.of("l", 12.0)));
    }
}
