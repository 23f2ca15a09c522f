package dev.setlist.scorer.candidates;

/**
 * How the parts of a candidate's score add up: {@code score = taste * taste part + content * content part
 * + session * session part + popularity * popularity part + exploration bonus}. The parts are on comparable
 * scales: iALS fits observed pairs to 1, so taste scores of liked items sit near 1; content similarity,
 * session shares and popularity lie in [0, 1].
 *
 * <p>Immutable; share freely.
 *
 * @param taste      weight of the collaborative (iALS) score; default 1
 * @param content    weight of content similarity to the history; default 0.2, a nudge: cold items already
 *                   get a taste score through their mapped vectors
 * @param session    weight of the next-item signal of the current session; default 0.5
 * @param popularity weight of popularity; default 0.05, a tie-breaker that becomes the whole ranking for a
 *                   person with no history
 */
public record CandidateWeights(double taste, double content, double session, double popularity) {

    public CandidateWeights {
        check("taste", taste);
        check("content", content);
        check("session", session);
        check("popularity", popularity);
    }

    private static void check(String name, double value) {
        if (!(value >= 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " weight must be finite and not negative, was " + value);
        }
    }

    /** The documented defaults. */
    public static CandidateWeights defaults() {
        return new CandidateWeights(1.0, 0.2, 0.5, 0.05);
    }

    public CandidateWeights withTaste(double value) {
        return new CandidateWeights(value, content, session, popularity);
    }

    public CandidateWeights withContent(double value) {
        return new CandidateWeights(taste, value, session, popularity);
    }

    public CandidateWeights withSession(double value) {
        return new CandidateWeights(taste, content, value, popularity);
    }

    public CandidateWeights withPopularity(double value) {
        return new CandidateWeights(taste, content, session, value);
    }
}
