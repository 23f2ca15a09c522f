package dev.setlist.rules.guard;

import java.lang.management.ManagementFactory;

/**
 * How many bytes the calling thread has allocated, from the JVM's per-thread allocation counter
 * ({@code com.sun.management.ThreadMXBean}; HotSpot and OpenJ9 have it, on by default). An evaluation reads it
 * before each rule firing, so a book whose rules grow memory firing after firing (a {@code modify} without
 * {@code no-loop} that doubles a string, say) is stopped at its allocation limit long before the heap runs out.
 * Where the counter is missing or switched off, {@link #available()} is false and the meter reads 0: the firing
 * and time limits still hold.
 *
 * <p>Stateless; thread-safe (each reading is of the calling thread).
 */
public final class AllocationMeter {

    private static final com.sun.management.ThreadMXBean THREADS = threads();

    private AllocationMeter() {
    }

    private static com.sun.management.ThreadMXBean threads() {
        try {
            if (ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean bean
                    && bean.isThreadAllocatedMemorySupported() && bean.isThreadAllocatedMemoryEnabled()) {
                return bean;
            }
        } catch (LinkageError | UnsupportedOperationException e) {
            return null;
        }
        return null;
    }

    /** Whether the JVM counts allocation per thread here. */
    public static boolean available() {
        return THREADS != null;
    }

    /** Bytes allocated by the calling thread so far (a running total), or 0 when not {@link #available()}. */
    public static long allocatedByThisThread() {
        return THREADS == null ? 0 : THREADS.getCurrentThreadAllocatedBytes();
    }
}
