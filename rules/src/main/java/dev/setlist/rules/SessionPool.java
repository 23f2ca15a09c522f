package dev.setlist.rules;

import org.drools.kiesession.session.StatefulKnowledgeSessionImpl;
import org.kie.api.KieBase;
import org.kie.api.runtime.KieSession;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Idle Drools sessions of one knowledge base, reset and reused from one evaluation to the next.
 *
 * <p>A new session allocates its node memories, segment memories and fact maps afresh and grows them
 * as the 500 candidates go in; a reset session keeps them, emptied. A session is only reused after
 * an evaluation that ended normally: one stopped by a limit or by an exception is disposed. At most
 * {@link #MAX_IDLE} sessions are kept; more concurrent evaluations simply make (and later dispose)
 * their own. Drools' own {@code KieBase.newKieSessionsPool} is not used: it resets failed sessions
 * too, and its overflow queue is created without synchronisation.
 *
 * <p>Thread-safe. Sessions are handed to one evaluation at a time; nothing of an evaluation
 * survives the reset (facts, agenda, memories), and listeners are removed by the caller.
 */
final class SessionPool {

    /** Idle sessions kept at most: enough for every core to evaluate at once. */
    static final int MAX_IDLE = Math.max(4, 2 * Runtime.getRuntime().availableProcessors());

    private final KieBase kieBase;
    private final ConcurrentLinkedQueue<KieSession> idle = new ConcurrentLinkedQueue<>();
    private final AtomicInteger idleCount = new AtomicInteger();

    SessionPool(KieBase kieBase) {
        this.kieBase = kieBase;
    }

    /** An empty session: an idle one, or a new one when none is idle. */
    KieSession take() {
        KieSession session = idle.poll();
        if (session == null) {
            return kieBase.newKieSession();
        }
        idleCount.decrementAndGet();
        return session;
    }

    /**
     * Returns {@code session} after an evaluation. A session that ended {@code cleanly} is reset and
     * kept when there is room; any other is disposed.
     */
    void giveBack(KieSession session, boolean cleanly) {
        if (cleanly && session instanceof StatefulKnowledgeSessionImpl impl) {
            if (idleCount.incrementAndGet() <= MAX_IDLE) {
                try {
                    impl.reset();
                    idle.offer(impl);
                    return;
                } catch (RuntimeException e) {
                    // A session that cannot be reset is not reused.
                }
            }
            idleCount.decrementAndGet();
        }
        session.dispose();
    }

    /** Idle sessions right now (for tests). */
    int idle() {
        return idleCount.get();
    }
}
