package org.entraide.core.internal.metrics;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.util.Map;

/** JVM memory by area, garbage collections and their time, and live threads, from the platform MXBeans. */
final class JvmSeries {
    private JvmSeries() {
    }

    static void write(PrometheusText out) {
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        MemoryUsage nonHeap = ManagementFactory.getMemoryMXBean().getNonHeapMemoryUsage();
        out.family("jvm_memory_used_bytes", "gauge", "JVM memory in use, by area");
        out.sample("jvm_memory_used_bytes", Map.of("area", "heap"), heap.getUsed());
        out.sample("jvm_memory_used_bytes", Map.of("area", "nonheap"), nonHeap.getUsed());
        out.family("jvm_memory_committed_bytes", "gauge", "JVM memory committed by the operating system, by area");
        out.sample("jvm_memory_committed_bytes", Map.of("area", "heap"), heap.getCommitted());
        out.sample("jvm_memory_committed_bytes", Map.of("area", "nonheap"), nonHeap.getCommitted());
        out.family("jvm_memory_max_bytes", "gauge", "Largest JVM heap (-1 when unbounded)");
        out.sample("jvm_memory_max_bytes", Map.of("area", "heap"), heap.getMax());
        out.family("jvm_gc_collections_total", "counter", "Garbage collections, by collector");
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            out.sample("jvm_gc_collections_total", Map.of("gc", gc.getName()), Math.max(0, gc.getCollectionCount()));
        }
        out.family("jvm_gc_collection_seconds_total", "counter", "Time spent in garbage collection, by collector");
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            out.sample("jvm_gc_collection_seconds_total", Map.of("gc", gc.getName()), Math.max(0, gc.getCollectionTime()) / 1000.0);
        }
        out.family("jvm_threads_live", "gauge", "Live threads");
        out.sample("jvm_threads_live", ManagementFactory.getThreadMXBean().getThreadCount());
    }
}
