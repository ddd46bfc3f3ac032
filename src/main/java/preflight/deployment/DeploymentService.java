package preflight.deployment;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
 */
@Service
public class DeploymentService {

    private final DeploymentRepository deployments;
    private final ItemTicks ticks;
    private final AuditTrail audit;
    private final ReleaseChecklists checklists;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final JdbcClient jdbc;
    private final Clock clock;

    DeploymentService(DeploymentRepository deployments, ItemTicks ticks, AuditTrail audit,
                      ReleaseChecklists checklists, ApplicationEventPublisher events, TransactionTemplate tx,
                      JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.deployments = deployments;
        this.ticks = ticks;
        this.audit = audit;
        this.checklists = checklists;
        this.events = events;
        this.tx = tx;
        this.clock = clock;
    }

    /** @throws ReleaseAlreadyActive when the same release and environment is active in the channel */
    public Deployment start(StartRelease command, Template template) {
        try {
            return tx.execute(status -> {
                deployments.findActive(command.channelId(), command.release(), command.environment())
                        .ifPresent(existing -> {
                            throw new ReleaseAlreadyActive(existing);
                        });
                var now = clock.instant();
                var deployment = deployments.save(Deployment.start(command, template, now));
                audit.record(deployment.id(), "STARTED", command.actor(), command.release(),
                        "template " + command.templateName()
                                + (template.commit() == null ? "" : " @ " + template.commit())
                                + ", environment " + command.environment(), now);
                events.publishEvent(new DeploymentStarted(deployment.id(), command.channelId(), template.checklist()));
                return deployment;
            });
        } catch (DuplicateKeyException raced) {
            // Two starts at the same instant: the unique index let exactly one through.
            throw new ReleaseAlreadyActive(deployments
                    .findActive(command.channelId(), command.release(), command.environment())
                    .orElseThrow(() -> raced));
        }
    }

    /** @return true when the state changed; false for a repeat (double click, duplicate delivery) */
    public boolean setTicked(TickableRelease release, String itemId, boolean ticked, Actor actor) {
        long deploymentId = release.id();
        int index = indexOf(release.checklist(), itemId);
        return Boolean.TRUE.equals(tx.execute(status -> {
            var now = clock.instant();
            boolean changed = ticked // each with its audit event
                    ? ticks.tick(deploymentId, itemId, actor, TickSource.USER, now, null)
                    : ticks.untick(deploymentId, itemId, actor, now);
            if (changed) {
                events.publishEvent(new ChecklistItemTicked(deploymentId, itemId, index, ticked, actor));
            }
            return changed;
        }));
    }

    /**
     * The release as a click sees it, in one narrow read: a click on a hot release finds its parsed
     * checklist by the snapshot's digest and never reads the snapshot.
     */
    public Optional<TickableRelease> tickable(long deploymentId) {
        record Row(String release, DeploymentStatus status, String templateName, String templateDigest) {
        }
        return jdbc.sql("SELECT release, status, template_name, template_digest FROM deployment WHERE id = ?")
                .param(deploymentId)
                .query((rs, n) -> new Row(rs.getString("release"), DeploymentStatus.valueOf(rs.getString("status")),
                        rs.getString("template_name"), rs.getString("template_digest")))
                .optional()
                .map(row -> new TickableRelease(deploymentId, row.release(), row.status(),
                        checklists.of(row.templateName(), row.templateDigest(), () -> jdbc
                                .sql("SELECT template_source FROM deployment WHERE id = ?")
                                .param(deploymentId)
                                .query(String.class)
                                .single())));
    }

    /**
     * The evidence of one probe result, applied to the items it proves: a pass ticks the items
     * nobody has ticked, attributed to the probe ({@code probe:<id>}, source PROBE); a failure takes
     * back only the ticks this probe gave. A person's tick is never unticked or overwritten. A
     * release that is no longer active keeps its checklist as it is.
     */
    public List<ProbeTickChange> applyProbeResult(long deploymentId, String probeId, List<String> itemIds,
                                                  boolean passed, String detail) {
        return tx.execute(status -> {
            var deployment = deployments.findById(deploymentId).orElseThrow();
            var checklist = checklists.of(deployment);
            var probe = new Actor("probe:" + probeId, probeId);
            String evidence = "probe " + probeId + (passed ? " passed: " : " failed: ") + detail;
            var now = clock.instant();
            var current = ticks.of(deploymentId);
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
                    effect = ticks.tick(deploymentId, itemId, probe, TickSource.PROBE, now, evidence)
                            ? ProbeTickChange.Effect.TICKED : ProbeTickChange.Effect.KEPT;
                } else if (!passed && ownTick) {
                    effect = ticks.untickIfTickedBy(deploymentId, itemId, probe, TickSource.PROBE, now, evidence)
                            ? ProbeTickChange.Effect.UNTICKED : ProbeTickChange.Effect.KEPT;
                } else {
                    effect = existing != null && !ownTick ? ProbeTickChange.Effect.KEPT
                            : ProbeTickChange.Effect.UNCHANGED;
                }
                if (effect == ProbeTickChange.Effect.TICKED || effect == ProbeTickChange.Effect.UNTICKED) {
                    boolean ticked = effect == ProbeTickChange.Effect.TICKED;
                    events.publishEvent(new ChecklistItemTicked(deploymentId, itemId, index, ticked, probe));
                }
                ItemTick after = switch (effect) {
                    case TICKED -> new ItemTick(itemId, probe, TickSource.PROBE, now);
                    case UNTICKED -> null;
                    case UNCHANGED -> existing;
                    // a person changed the item while the probe ran: show what they left
                    case KEPT -> existing != null && !ownTick ? existing : ticks.of(deploymentId).get(itemId);
                };
                changes.add(new ProbeTickChange(itemId, effect, after));
            }
            return List.copyOf(changes);
        });
    }

    /**
     * Records where the release thread is. A narrow update rather than a save of the aggregate:
     * it must not collide with a ship or abort changing the same row at that moment.
     */
    public void attachThread(long deploymentId, String threadTs) {
        jdbc.sql("UPDATE deployment SET thread_ts = ? WHERE id = ? AND thread_ts IS NULL")
                .params(threadTs, deploymentId)
                .update();
    }

    public Optional<Deployment> find(long deploymentId) {
        return deployments.findById(deploymentId);
    }

    /** Releases still before shipping that started before the given time, in every channel. */
    public List<Deployment> inProgressStartedBefore(java.time.Instant before) {
        return deployments.findInProgressStartedBefore(before);
    }

    public List<Deployment> activeInChannel(String channelId) {
        return deployments.findActiveInChannel(channelId);
    }

    public Optional<Deployment> latestByRelease(String channelId, String release) {
        return deployments.findLatestByRelease(channelId, release);
    }

    public Checklist checklistOf(Deployment deployment) {
        return checklists.of(deployment);
    }

    public Map<String, ItemTick> ticksOf(long deploymentId) {
        return ticks.of(deploymentId);
    }

    public Progress progressOf(Deployment deployment) {
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
