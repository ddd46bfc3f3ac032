package preflight.deployment;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

import preflight.checklist.Checklist;
import preflight.checklist.ChecklistParser;

/**
 * The checklist of a running release, parsed from its snapshot (never from the live template, so
 * edits to a template do not reach releases in flight). Keyed by the snapshot itself, so releases
 * started from the same template share one parsed checklist; a small LRU, since every tick and
 * every re-render needs it.
 */
@Component
public class ReleaseChecklists {

    private static final int CAPACITY = 512;

    private final ChecklistParser parser;
    private final Map<Snapshot, Checklist> cache = Collections.synchronizedMap(
            new LinkedHashMap<>(64, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<Snapshot, Checklist> eldest) {
                    return size() > CAPACITY;
                }
            });

    ReleaseChecklists(ChecklistParser parser) {
        this.parser = parser;
    }

    public Checklist of(Deployment deployment) {
        return cache.computeIfAbsent(new Snapshot(deployment.templateName(), deployment.templateSource()),
                snapshot -> parser.parse(snapshot.name(), snapshot.source()));
    }

    private record Snapshot(String name, String source) {
    }
}
