package preflight.deployment;

import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

import org.postgresql.util.PSQLException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import preflight.checklist.Checklist;
import preflight.checklist.Item;
import preflight.checklist.Template;

/**
 * Every change to a release happens here, in one transaction with its audit event; the events
 * it publishes inside that transaction let the Slack views mark themselves stale atomically.
 * Its length is those changes (a start with its cap, a tick, a probe's evidence) and the reads
 * the edges make of a release, which share the same repositories and rules.
 */
@Service
public class ReleaseService {

    private final ReleaseRepository deployments;
    private final ItemTicks ticks;
    private final AuditTrail audit;
    private final ReleaseChecklists checklists;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final AccessSettings access;
    private final Tickables tickables;

    ReleaseService(AccessSettings access, ReleaseRepository deployments, ItemTicks ticks, Tickables tickables,
                      AuditTrail audit, ReleaseChecklists checklists, ApplicationEventPublisher events,
                      TransactionTemplate tx, JdbcClient jdbc, Clock clock) {
        this.access = access;
        this.tickables = tickables;
        this.jdbc = jdbc;
        this.deployments = deployments;
        this.ticks = ticks;
        this.audit = audit;
        this.checklists = checklists;
        this.events = events;
        this.tx = tx;
        this.clock = clock;
    }

    /** Starts that chose the same free place of the channel's cap at once go one after another (V67). */
    private static final int START_ATTEMPTS = 10;

    /**
     * @throws ReleaseAlreadyActive when the same release and environment is active in the channel
     * @throws Refused              when the channel already has as many active releases as it may
     */
    public Release start(StartRelease command, Template template) {
        for (int attempt = 1; ; attempt++) {
            try {
                return tx.execute(status -> {
                    // The insert takes one of the channel's places below the cap (V67, V68); the
                    // unique index deployment_active_release refuses a release already active.
                    jdbc.sql("SELECT set_config('preflight.max_active_releases', ?, true)")
                            .param(String.valueOf(access.maxActiveReleases()))
                            .query((rs, n) -> 1).single();
                    var now = clock.instant();
                    var deployment = deployments.insertStarted(Release.start(command, template, now));
                    audit.record(deployment.id(), "STARTED", command.actor(), command.version(),
                            "template " + command.templateName()
                                    + (template.commit() == null ? "" : " @ " + template.commit())
                                    + ", environment " + command.environment(), now);
                    events.publishEvent(new ReleaseStarted(deployment.id(), command.channelId(), command.templateName(),
                            command.environment(), template.checklist()));
                    return deployment;
                });
            } catch (DuplicateKeyException raced) {
                if (violated(raced, "deployment_cap_place") && attempt < START_ATTEMPTS) {
                    continue; // another start took the same place first: choose again among those left
                }
                // The release is active already, or was started at the same instant: the unique index let one through.
                throw new ReleaseAlreadyActive(deployments
                        .findActive(command.channelId(), command.version(), command.environment())
                        .orElseThrow(() -> raced));
            } catch (RuntimeException e) {
                if (causes(e).anyMatch(t -> t instanceof SQLException sql && "PF001".equals(sql.getSQLState()))) {
                    // a full channel is checked before the unique index: the release may be active already
                    deployments.findActive(command.channelId(), command.version(), command.environment())
                            .ifPresent(existing -> {
                                throw new ReleaseAlreadyActive(existing);
                            });
                    throw new Refused(new Refusal.TooManyActive(command.channelId(), access.maxActiveReleases()));
                }
                throw e;
            }
        }
    }

    private static boolean violated(Throwable error, String constraint) {
        return causes(error).anyMatch(t -> t instanceof PSQLException psql && psql.getServerErrorMessage() != null
                && constraint.equals(psql.getServerErrorMessage().getConstraint()));
    }

    private static Stream<Throwable> causes(Throwable error) {
        return Stream.iterate(error, Objects::nonNull, Throwable::getCause);
    }

    /**
     * @return true when the state changed; false for a repeat (double click, duplicate delivery)
     * @throws ChecklistClosed when the release is no longer active, however recently that happened
     */
    public boolean setTicked(TickableRelease release, String itemId, boolean ticked, Actor actor) {
        return setTicked(release, itemId, ticked, actor, null, null);
    }

    /**
     * As {@link #setTicked(TickableRelease, String, boolean, Actor)}, with what proves the tick: a
     * token's tick has source API and keeps its evidence link and note (also in the audit event).
     */
    public boolean setTicked(TickableRelease release, String itemId, boolean ticked, Actor actor, String evidence,
                             String note) {
        long releaseId = release.id();
        int index = indexOf(release.checklist(), itemId);
        var source = actor.isToken() ? TickSource.API : TickSource.USER;
        String detail = evidence == null && note == null ? null
                : String.join(" — ", Stream.of(evidence, note).filter(Objects::nonNull).toList());
        if (!release.status().active()) {
            throw new ChecklistClosed(release.version(), release.status());
        }
        boolean changed = Boolean.TRUE.equals(tx.execute(status -> {
            var now = clock.instant();
            boolean stored = ticked // each with its audit event
                    ? ticks.tick(releaseId, itemId, actor, source, now, detail, evidence, note)
                    : ticks.untick(releaseId, itemId, actor, now);
            if (stored) {
                events.publishEvent(new ChecklistItemTicked(releaseId, itemId, index, ticked, actor));
            }
            return stored;
        }));
        if (!changed) { // a repeat, or the release was closed since it was read
            var now = tickables.statusNow(releaseId);
            if (!now.active()) {
                throw new ChecklistClosed(release.version(), now);
            }
        }
        return changed;
    }

    /**
     * The release as a click sees it: remembered once read (see {@link Tickables}), so its status
     * may be out of date; {@link #setTicked} checks it again as it writes.
     */
    public Optional<TickableRelease> tickable(long releaseId) {
        return tickables.find(releaseId);
    }

    /**
     * The evidence of one probe result, applied to the items it proves: a pass ticks the items
     * nobody has ticked, attributed to the probe ({@code probe:<id>}, source PROBE); a failure takes
     * back only the ticks this probe gave. A person's tick is never unticked or overwritten. A
     * release that is no longer active keeps its checklist as it is.
     */
    public List<ProbeTickChange> applyProbeResult(long releaseId, String probeId, List<String> itemIds,
                                                  boolean passed, String detail) {
        return tx.execute(status -> {
            var deployment = deployments.findById(releaseId).orElseThrow();
            var checklist = checklists.of(deployment);
            var probe = Actor.probe(probeId);
            String evidence = "probe " + probeId + (passed ? " passed: " : " failed: ") + detail;
            var now = clock.instant();
            var current = ticks.of(releaseId);
            var changes = new ArrayList<ProbeTickChange>();
            for (String itemId : itemIds) {
                int index = indexOf(checklist, itemId);
                var existing = current.get(itemId);
                boolean ownTick = existing != null && existing.source() == TickSource.PROBE
                        && existing.by().id().equals(probe.id());
                ProbeTickChange.Effect effect;
                if (!deployment.status().active()) {
                    effect = ProbeTickChange.Effect.UNCHANGED;
                } else if (passed && existing == null) {
                    effect = ticks.tick(releaseId, itemId, probe, TickSource.PROBE, now, evidence)
                            ? ProbeTickChange.Effect.TICKED : ProbeTickChange.Effect.KEPT;
                } else if (!passed && ownTick) {
                    effect = ticks.untickIfTickedBy(releaseId, itemId, probe, TickSource.PROBE, now, evidence)
                            ? ProbeTickChange.Effect.UNTICKED : ProbeTickChange.Effect.KEPT;
                } else {
                    effect = existing != null && !ownTick ? ProbeTickChange.Effect.KEPT
                            : ProbeTickChange.Effect.UNCHANGED;
                }
                if (effect == ProbeTickChange.Effect.TICKED || effect == ProbeTickChange.Effect.UNTICKED) {
                    boolean ticked = effect == ProbeTickChange.Effect.TICKED;
                    events.publishEvent(new ChecklistItemTicked(releaseId, itemId, index, ticked, probe));
                }
                ItemTick after = switch (effect) {
                    case TICKED -> new ItemTick(itemId, probe, TickSource.PROBE, now);
                    case UNTICKED -> null;
                    case UNCHANGED -> existing;
                    // a person changed the item while the probe ran: show what they left
                    case KEPT -> existing != null && !ownTick ? existing : ticks.of(releaseId).get(itemId);
                };
                changes.add(new ProbeTickChange(itemId, effect, after));
            }
            return List.copyOf(changes);
        });
    }

    public Optional<Release> find(long releaseId) {
        return deployments.findById(releaseId);
    }

    /** Releases still before shipping that started before the given time, in every channel. */
    public List<Release> inProgressStartedBefore(java.time.Instant before) {
        return deployments.findInProgressStartedBefore(before);
    }

    public List<Release> activeInChannel(String channelId) {
        return deployments.findActiveInChannel(channelId);
    }

    public Optional<Release> latestByRelease(String channelId, String release) {
        return deployments.findLatestByRelease(channelId, release);
    }

    /** The active release of that version and environment, else the latest closed one. */
    public Optional<Release> latest(String channelId, String release, String environment) {
        return deployments.findLatest(channelId, release, environment);
    }

    public Checklist checklistOf(Release deployment) {
        return checklists.of(deployment);
    }

    public Map<String, ItemTick> ticksOf(long releaseId) {
        return ticks.of(releaseId);
    }

    public Progress progressOf(Release deployment) {
        var items = checklists.of(deployment).items();
        var ticked = ticks.of(deployment.id());
        int done = (int) items.stream().map(Item::id).filter(ticked::containsKey).count();
        return new Progress(done, items.size());
    }

    private static int indexOf(Checklist checklist, String itemId) {
        var items = checklist.items();
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).id().equals(itemId)) {
                return i;
            }
        }
        throw new UnknownItem(itemId);
    }
}
