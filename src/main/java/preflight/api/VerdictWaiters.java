package preflight.api;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.async.DeferredResult;

import preflight.deployment.ReleaseService;

/**
 * Long polls waiting for a release's verdict on this instance. A waiter is a DeferredResult, not
 * a thread: thousands cost memory only. When a release changes (on any instance, see
 * {@link ReleaseChangeListener}) its verdict is computed once for all its waiters; rechecks of
 * one release are coalesced while one is queued.
 */
@Component
class VerdictWaiters {

    private static final Logger log = LoggerFactory.getLogger(VerdictWaiters.class);

    private final Map<Long, Set<DeferredResult<VerdictAnswer>>> waiting = new ConcurrentHashMap<>();
    private final Set<Long> queued = ConcurrentHashMap.newKeySet();
    private final ReleaseService releases;
    private final ReleaseDocuments documents;
    private final Executor work;

    VerdictWaiters(ReleaseService releases, ReleaseDocuments documents, @Qualifier("slackWork") Executor work) {
        this.releases = releases;
        this.documents = documents;
        this.work = work;
    }

    /** Answers at once if the verdict is settled, else when it is or at the result's timeout. */
    void await(long releaseId, DeferredResult<VerdictAnswer> result) {
        result.onTimeout(() -> result.setResult(current(releaseId)));
        result.onCompletion(() -> forget(releaseId, result));
        result.onError(error -> forget(releaseId, result));
        waiting.computeIfAbsent(releaseId, id -> ConcurrentHashMap.newKeySet()).add(result);
        // registered first, checked second: a change committed in between is seen by one or the other
        var now = current(releaseId);
        if (now.settled()) {
            result.setResult(now);
        }
    }

    void changed(long releaseId) {
        if (waiting.containsKey(releaseId) && queued.add(releaseId)) {
            work.execute(() -> {
                queued.remove(releaseId);
                recheck(releaseId);
            });
        }
    }

    void recheckAll() {
        waiting.keySet().forEach(this::changed);
    }

    int size() {
        return waiting.values().stream().mapToInt(Set::size).sum();
    }

    private void recheck(long releaseId) {
        var results = waiting.get(releaseId);
        if (results == null || results.isEmpty()) {
            return;
        }
        try {
            var answer = current(releaseId);
            if (answer.settled()) {
                results.forEach(result -> result.setResult(answer));
            }
        } catch (RuntimeException e) {
            log.warn("Could not re-check the verdict of release {} for its waiters: {}", releaseId, e.toString());
        }
    }

    private VerdictAnswer current(long releaseId) {
        return documents.verdict(releases.find(releaseId).orElseThrow());
    }

    private void forget(long releaseId, DeferredResult<VerdictAnswer> result) {
        waiting.computeIfPresent(releaseId, (id, results) -> {
            results.remove(result);
            return results.isEmpty() ? null : results;
        });
    }
}
