package preflight.checklist;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A place templates come from: a folder or a Git repository. The catalogue combines them. */
interface TemplateSource {

    /** Short name, used to qualify a template name that several sources define ({@code acme-api/release}). */
    String id();

    /** What this source serves now; never blocks on the network. */
    Listing listing();

    /** Fetches again if the source is remote; a failure is kept in {@link #status()}, never thrown. */
    default void refresh() {
    }

    /** Present for a remote source. */
    default Optional<TemplateSourceStatus> status() {
        return Optional.empty();
    }

    /** Templates by their plain name (the file name without {@code .md}). */
    record Listing(Map<String, Template> templates, List<TemplateProblem> problems) {

        public Listing {
            templates = Map.copyOf(templates);
            problems = List.copyOf(problems);
        }

        static Listing empty() {
            return new Listing(Map.of(), List.of());
        }
    }
}
