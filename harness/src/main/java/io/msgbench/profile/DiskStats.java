package io.msgbench.profile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Bytes read from and written to the machine's disks so far, from {@code /proc/diskstats}: OSHI's disk figures
 * enumerate the devices through udev on every update (3–9 ms here), this file costs a fraction of a millisecond.
 * Whole disks only (those under {@code /sys/block}), without loop, RAM and compressed-RAM devices.
 */
record DiskStats(Path diskstats, Path blocks) {
    private static final double SECTOR = 512;

    static DiskStats ofThisMachine() {
        return new DiskStats(Path.of("/proc/diskstats"), Path.of("/sys/block"));
    }

    /** Adds {@code disk.read.bytes} and {@code disk.written.bytes} to {@code totals}; nothing where unreadable. */
    void read(Map<String, Double> totals) {
        String text;
        try {
            text = Files.readString(diskstats);
        } catch (IOException | RuntimeException e) {
            return;
        }
        double read = 0;
        double written = 0;
        for (String line : text.split("\n")) {
            String[] f = line.trim().split("\\s+");
            if (f.length < 10 || f[2].startsWith("loop") || f[2].startsWith("ram") || f[2].startsWith("zram")
                    || !Files.exists(blocks.resolve(f[2]))) {
                continue;
            }
            read += Double.parseDouble(f[5]) * SECTOR;
            written += Double.parseDouble(f[9]) * SECTOR;
        }
        totals.put("disk.read.bytes", read);
        totals.put("disk.written.bytes", written);
    }
}
