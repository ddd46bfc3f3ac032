package preflight.checklist;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

final class Immutable {

    private Immutable() {
    }

    static <T> List<T> list(List<T> values) {
        return values == null ? List.of() : List.copyOf(values);
    }

    // Map.copyOf would lose the order admins wrote and reject YAML nulls (e.g. "method:" left empty).
    static Map<String, Object> map(Map<String, Object> values) {
        return values == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }
}
