package preflight.deployment;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

import preflight.checklist.Checklist;
import preflight.checklist.ChecklistParser;

/**
 * The checklist of a running release, parsed from its snapshot (never from the live template, so
 * edits to a template do not reach releases in flight). Parsed once per deployment and kept in a
 * small LRU: every tick and every re-render needs it.
 */
@Component
public class ReleaseChecklists {

    private static final int CAPACITY = 512;

    private final ChecklistParser parser;
    private final Map<Long, Checklist> cache = Collections.synchronizedMap(
            new LinkedHashMap<>(64, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<Long, Checklist> eldest) {
                    return size() > CAPACITY;
                }
            });

    ReleaseChecklists(ChecklistParser parser) {
        this.parser = parser;
    }

    public Checklist of(Deployment deployment) {
        return cache.computeIfAbsent(deployment.id(),
                id -> parser.parse(deployment.templateName(), deployment.templateSource()));
    }
}
