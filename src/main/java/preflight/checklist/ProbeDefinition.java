package preflight.checklist;

import java.util.List;
import java.util.Map;

public record ProbeDefinition(String id, String kind, String target, Map<String, Object> expect, List<String> ticks,
                              Map<String, Object> options, int line) {

    public ProbeDefinition {
        expect = Values.map(expect);
        ticks = Values.list(ticks);
        options = Values.map(options);
    }
}
