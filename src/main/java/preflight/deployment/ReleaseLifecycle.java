package preflight.deployment;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
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
    private final ChannelRules rules;
    private final JdbcClient jdbc;
    private final ReleaseChecklists checklists;
    private final List<ShipGuard> guards;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ReleaseLifecycle(ReleaseRepository deployments, ChannelPeople people, ChannelRules rules, JdbcClient jdbc,
                     ReleaseChecklists checklists, List<ShipGuard> guards, AuditTrail audit,
                     ApplicationEventPublisher events, Clock clock) {
        this.rules = rules;
        this.jdbc = jdbc;
        this.deployments = deployments;
        this.people = people;
        this.checklists = checklists;
        this.guards = guards;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** What still stands between the release and GO, from every guard. */
    public List<Missing> missingToShip(Release deployment) {
        var missing = new ArrayList<Missing>();
        guards.forEach(guard -> missing.addAll(guard.missing(deployment)));
        return missing;
    }

    /**
     * Decides on the verdict under a lock of the release row: a sign-off decision holds a share lock
     * on the same row until it commits, so a rejection cannot land between the check and the ship.
     *
     * @throws ShipBlocked when something is missing and no override reason is given
     * @throws Refused     when this person may not ship it, or not over a NO-GO
     */
    @Transactional
    public Release ship(long releaseId, Actor actor, String overrideReason) {
        lockForUpdate(releaseId);
        var deployment = load(releaseId);
        var missing = missingToShip(deployment);
        String override = missing.isEmpty() || overrideReason == null || overrideReason.isBlank() ? null
                : overrideReason.strip();
        if (override != null) {
            requireOverrider(deployment, actor);
        } else {
            requireManager(deployment, actor, Refusal.Step.SHIP);
        }
        if (!missing.isEmpty() && override == null) {
            throw new ShipBlocked(missing);
        }
        var now = clock.instant();
        deployment.ship(override, actor, now);
        deployment = deployments.save(deployment);
        audit.record(releaseId, override == null ? "SHIPPED" : "SHIPPED_WITH_OVERRIDE", actor,
                deployment.version(), override == null ? null : override + " (missing: " + recorded(missing) + ")",
                now);
        events.publishEvent(new ReleaseShipped(releaseId, actor, now, override));
        return deployment;
    }

    /** Whether this person may ship the release over a NO-GO: a channel manager or an admin. */
    public boolean mayOverride(Release deployment, String userId) {
        return rules.mayAdminister(deployment.channelId(), userId);
    }

    /** @throws Refused when this person cannot abort this release now */
    public void checkMayAbort(Release deployment, Actor actor) {
        requireManager(deployment, actor, Refusal.Step.ABORT);
        if (deployment.status() != ReleaseStatus.IN_PROGRESS) {
            throw new Refused(new Refusal.WrongState(deployment, Refusal.Step.ABORT));
        }
    }

    /** @throws Refused when this person cannot roll this release back now */
    public void checkMayRollBack(Release deployment, Actor actor) {
        requireWatcher(deployment, actor, Refusal.Step.ROLL_BACK);
        if (deployment.status() != ReleaseStatus.SHIPPED) {
            throw new Refused(new Refusal.WrongState(deployment, Refusal.Step.ROLL_BACK));
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
        requireWatcher(deployment, actor, Refusal.Step.COMPLETE);
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
        return deployment.startedBy().equals(userId) || rules.isManager(deployment.channelId(), userId);
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

    private void requireManager(Release deployment, Actor actor, Refusal.Step step) {
        if (!mayManage(deployment, actor)) {
            throw new Refused(new Refusal.NotManager(deployment, step));
        }
    }

    /** @throws Refused when this person is not on-call, a manager or the starter */
    public void requireWatcher(Release deployment, Actor actor, Refusal.Step step) {
        if (!mayManage(deployment, actor) && (actor.isToken() || !mayWatch(deployment, actor.id()))) {
            throw new Refused(new Refusal.NotOnCall(deployment, step));
        }
    }

    private void requireOverrider(Release deployment, Actor actor) {
        if (!actor.isTokenOf(deployment.channelId()) && (actor.isToken() || !mayOverride(deployment, actor.id()))) {
            throw new Refused(new Refusal.NotOverrider(deployment));
        }
    }

    private void lockForUpdate(long releaseId) {
        jdbc.sql("SELECT id FROM deployment WHERE id = ? FOR UPDATE").param(releaseId).query(Long.class).single();
    }

    /**
     * What was overridden, in the words the audit trail has always stored: a record, not a view —
     * the report quotes it as recorded, so it is not re-worded when Slack's or the API's words change.
     */
    private static String recorded(List<Missing> missing) {
        return String.join(", ", missing.stream().map(m -> switch (m) {
            case Missing.UntickedItems(int count) -> count + (count == 1 ? " item unticked" : " items unticked");
            case Missing.RoleRejected(var role) -> role + " rejected";
            case Missing.RoleNotSigned(var role) -> role + " not signed";
            case Missing.ProbesFailed() -> "probes failed";
            case Missing.ProbesNotRun() -> "probes not run";
        }).toList());
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
