package preflight.api;

import java.util.List;

import preflight.deployment.Missing;
import preflight.words.MissingText;

/**
 * How the API words what stands between a release and GO: the verdict's {@code missing} list and
 * the NO-GO problem. Gate scripts print these, so they read as phrases.
 */
final class MissingWords {

    private MissingWords() {
    }

    static List<String> all(List<Missing> missing) {
        return missing.stream().map(MissingText::of).toList();
    }
}
