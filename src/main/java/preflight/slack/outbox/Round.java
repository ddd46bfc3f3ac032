package preflight.slack.outbox;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What the messages of one delivery round read, read once: a release's card and checklist
 * messages are rendered one after another and need the same release. Safe because every read
 * happens after the round's claim: a change committed later marks the message stale again, and
 * the next round renders it anew. One channel's messages share a round; nothing outlives it.
 */
public final class Round {

    private final Map<List<Object>, Object> reads = new HashMap<>();

    Round() {
    }

    /** @param kind what is read (a class naming it), with {@code id} the key it is read by */
    @SuppressWarnings("unchecked")
    public <T> T once(Class<?> kind, long id, Supplier<T> read) {
        var key = List.<Object>of(kind, id);
        var known = (T) reads.get(key);
        if (known == null) {
            known = read.get();
            reads.put(key, known);
        }
        return known;
    }
}
