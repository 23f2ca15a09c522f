package dev.setlist.scorer.candidates;

/**
 * The components a candidate's score is made of, kept apart so that later stages can weigh and
 * explain them. Each is on its own scale; {@code 0} means "no signal".
 *
 * @param taste       collaborative taste: the latent-factor score for this person
 * @param content     content similarity to what the person liked (how cold items get a score)
 * @param session     next-item signal from the items just played in this session
 * @param exploration uncertainty bonus (how much we would learn by offering it)
 * @param popularity  how widely the item is played in this library, in [0, 1]
 */
public record ScoreParts(double taste, double content, double session, double exploration, double popularity) {

    public static final ScoreParts NONE = new ScoreParts(0, 0, 0, 0, 0);

    public ScoreParts {
        check("taste", taste);
        check("content", content);
        check("session", session);
        check("exploration", exploration);
        check("popularity", popularity);
    }

    private static void check(String name, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be finite, was " + value);
        }
    }
}
