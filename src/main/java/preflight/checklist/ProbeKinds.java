package preflight.checklist;

import java.util.Optional;
import java.util.Set;

/**
 * The probe kinds Preflight can run ({@code http:}, {@code tls:}, …) and whether a probe of the
 * front matter is one it can run. The probe module answers: adding a kind touches only that module.
 */
public interface ProbeKinds {

    /** The keys that name a probe's kind, in the order templates list them. */
    Set<String> names();

    /** @return what is wrong with the probe's target, expectations or options; empty when it can run */
    Optional<String> problem(ProbeDefinition probe);
}
