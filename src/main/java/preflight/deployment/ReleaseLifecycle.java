package preflight.deployment;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * in progress → shipped → completed, or aborted before shipping, or rolled back after. Each
 * step checks who is asking, changes the row (optimistic lock), records the audit event and
 * publishes the event that reschedules reminders and re-renders the card — one transaction.
 */
@Service
public class ReleaseLifecycle {

    private final ReleaseRepository deployments;
    private final ChannelPeople people;
    private final ReleaseChecklists checklists;
    private final List<ShipGuard> guards;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ReleaseLifecycle(ReleaseRepository deployments, ChannelPeople people, ReleaseChecklists checklists,
                     List<ShipGuard> guards, AuditTrail audit, ApplicationEventPublisher events, Clock clock) {
        this.deployments = deployments;
        this.people = people;
        this.checklists = checklists;
        this.guards = guards;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** What still stands between the release and GO, from every guard. */
    public List<String> missingToShip(Release deployment) {
        var missing = new ArrayList<String>();
        guards.forEach(guard -> missing.addAll(guard.missing(deployment)));
        return missing;
    }

    /** @throws ShipBlocked when something is missing and no override reason is given */
    @Transactional
    public Release ship(long releaseId, Actor actor, String overrideReason) {
        var deployment = load(releaseId);
        requireManager(deployment, actor, "ship");
        var missing = missingToShip(deployment);
        String override = missing.isEmpty() || overrideReason == null || overrideReason.isBlank() ? null
                : overrideReason.strip();
        if (!missing.isEmpty() && override == null) {
            throw new ShipBlocked(missing);
        }
        var now = clock.instant();
        deployment.ship(override, now);
        deployment = deployments.save(deployment);
        audit.record(releaseId, override == null ? "SHIPPED" : "SHIPPED_WITH_OVERRIDE", actor,
                deployment.version(), override == null ? null : override + " (missing: " + String.join(", ", missing) + ")",
                now);
        events.publishEvent(new ReleaseShipped(releaseId, actor, now, override));
        return deployment;
    }

    /** @throws NotAllowed or IllegalTransition when this person cannot abort this release now */
    public void checkMayAbort(Release deployment, Actor actor) {
        requireManager(deployment, actor, "abort");
        if (deployment.status() != ReleaseStatus.IN_PROGRESS) {
            throw new IllegalTransition(deployment, "abort");
        }
    }

    /** @throws NotAllowed or IllegalTransition when this person cannot roll this release back now */
    public void checkMayRollBack(Release deployment, Actor actor) {
        requireWatcher(deployment, actor, "roll back");
        if (deployment.status() != ReleaseStatus.SHIPPED) {
            throw new IllegalTransition(deployment, "roll back");
        }
    }

    @Transactional
    public Release abort(long releaseId, Actor actor, String reason) {
        var deployment = load(releaseId);
        checkMayAbort(deployment, actor);
        deployment.abort(requireReason(reason), clock.instant());
        return close(deployment, actor, "ABORTED", reason);
    }

    @Transactional
    public Release complete(long releaseId, Actor actor) {
        var deployment = load(releaseId);
        requireWatcher(deployment, actor, "complete");
        deployment.complete(clock.instant());
        return close(deployment, actor, "COMPLETED", null);
    }

    @Transactional
    public Release rollBack(long releaseId, Actor actor, String reason) {
        var deployment = load(releaseId);
        checkMayRollBack(deployment, actor);
        deployment.rollBack(requireReason(reason), clock.instant());
        return close(deployment, actor, "ROLLED_BACK", reason);
    }

    /** On-call for a release: the channel's, else the template's. */
    public List<String> oncall(Release deployment) {
        var channel = people.of(deployment.channelId(), ChannelRole.ONCALL);
        return channel.isEmpty() ? checklists.of(deployment).oncall() : channel;
    }

    /** The one manager check: a person (see below), or an API token of the release's channel. */
    public boolean mayManage(Release deployment, Actor actor) {
        return actor.isTokenOf(deployment.channelId()) || !actor.isToken() && mayManage(deployment, actor.id());
    }

    public boolean mayManage(Release deployment, String userId) {
        return deployment.startedBy().equals(userId)
                || people.includes(people.of(deployment.channelId(), ChannelRole.MANAGER), userId);
    }

    public boolean mayWatch(Release deployment, String userId) {
        return mayManage(deployment, userId) || people.includes(oncall(deployment), userId);
    }

    private Release close(Release deployment, Actor actor, String type, String reason) {
        var saved = deployments.save(deployment);
        audit.record(saved.id(), type, actor, saved.version(), reason, saved.closedAt());
        events.publishEvent(new ReleaseClosed(saved.id(), saved.status(), actor, reason));
        return saved;
    }

    private void requireManager(Release deployment, Actor actor, String action) {
        if (!mayManage(deployment, actor)) {
            throw new NotAllowed("Only <@" + deployment.startedBy() + "> (who started it) or this channel's release"
                    + " managers may " + action + " " + deployment.version() + ". `/deploy managers` shows who they are.");
        }
    }

    private void requireWatcher(Release deployment, Actor actor, String action) {
        if (!mayManage(deployment, actor) && (actor.isToken() || !mayWatch(deployment, actor.id()))) {
            throw new NotAllowed("Only on-call, the release managers or <@" + deployment.startedBy()
                    + "> may " + action + " " + deployment.version() + ".");
        }
    }

    private static String requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a reason is required");
        }
        return reason.strip();
    }

    private Release load(long releaseId) {
        return deployments.findById(releaseId).orElseThrow();
    }
}
