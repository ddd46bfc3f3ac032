package preflight.checklist;

import java.util.List;
import java.util.Map;

public record ProbeDefinition(String id, String kind, String target, Map<String, Object> expect, List<String> ticks,
                              Map<String, Object> options, int line) {

    public ProbeDefinition {
        expect = Immutable.map(expect);
        ticks = Immutable.list(ticks);
        options = Immutable.map(options);
    }
}
