package preflight.testing;

import preflight.checklist.ChecklistParser;
import preflight.probe.ProbeRunner;

/** Templates read as the bot reads them, probes checked by the bot's own probe kinds. */
public final class Templates {

    private static final ChecklistParser PARSER = new ChecklistParser(ProbeRunner.withDefaults());

    private Templates() {
    }

    public static ChecklistParser parser() {
        return PARSER;
    }
}
