package org.entraide.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The machine's CPU use between two samples (from /proc/stat) and its 1-minute load average: other builds may
 * share the two cores, and a result is only readable next to how busy the machine was.
 */
record MachineLoad(long busyTicks, long totalTicks, double loadAverage) {
    static MachineLoad sample() {
        try {
            String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < cpu.length; i++) {
                total += Long.parseLong(cpu[i]);
            }
            long idle = Long.parseLong(cpu[4]) + Long.parseLong(cpu[5]);
            double load = Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
            return new MachineLoad(total - idle, total, load);
        } catch (IOException | RuntimeException notLinux) {
            return new MachineLoad(0, 0, Double.NaN);
        }
    }

    /** The share of all cores that was busy since {@code before}, from 0 to 1 (NaN when unknown). */
    double busySince(MachineLoad before) {
        long total = totalTicks - before.totalTicks;
        return total <= 0 ? Double.NaN : (double) (busyTicks - before.busyTicks) / total;
    }
}
