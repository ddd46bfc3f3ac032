package preflight.deployment;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.Supplier;

import org.springframework.stereotype.Component;

import preflight.checklist.Checklist;
import preflight.checklist.ChecklistParser;
import preflight.system.LruCache;

/**
 * The checklist of a running release, parsed from its snapshot (never from the live template, so
 * edits to a template do not reach releases in flight). Keyed by the snapshot's digest — the same
 * md5 that PostgreSQL keeps in {@code deployment.template_digest} — so releases started from the
 * same template share one parsed checklist, and a click that knows the digest never reads the
 * snapshot itself. A small LRU, since every tick and every re-render needs it.
 */
@Component
public class ReleaseChecklists {

    private static final int CAPACITY = 512;

    private final ChecklistParser parser;
    private final LruCache<Snapshot, Checklist> cache = new LruCache<>(CAPACITY);

    ReleaseChecklists(ChecklistParser parser) {
        this.parser = parser;
    }

    public Checklist of(Release deployment) {
        String digest = deployment.templateDigest() != null ? deployment.templateDigest()
                : digest(deployment.templateSource());
        return of(deployment.templateName(), digest, deployment::templateSource);
    }

    /** @param source read only when this snapshot is not parsed yet */
    Checklist of(String templateName, String digest, Supplier<String> source) {
        var key = new Snapshot(templateName, digest);
        var parsed = cache.get(key);
        if (parsed == null) {
            parsed = parser.parse(templateName, source.get());
            cache.put(key, parsed);
        }
        return parsed;
    }

    /** The hex md5 of the UTF-8 bytes: what PostgreSQL's {@code md5(text)} gives in a UTF-8 database. */
    static String digest(String source) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5")
                    .digest(source.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has MD5", e);
        }
    }

    private record Snapshot(String name, String digest) {
    }
}
