package preflight.approval;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import preflight.checklist.SignoffRole;
import preflight.checklist.TemplateCatalogue;
import preflight.deployment.Actor;
import preflight.deployment.AuditTrail;
import preflight.deployment.ChannelRules;
import preflight.deployment.Release;
import preflight.deployment.ReleaseService;
import preflight.deployment.ReleaseStatus;
import preflight.probe.ProbeRunSummary;
import preflight.probe.ProbeRuns;

/**
 * Sign-offs of a release: its roles (from the checklist snapshot), who may sign each (channel
 * assignment, else the template's front matter, else anyone but the starter), the decisions and
 * the go / no-go verdict. Every decision is stored with its audit event in one transaction and
 * publishes a {@link SignoffDecided}, which re-renders the release's messages. Long because
 * "who may sign" and "what the verdict is" read the same roles and decisions in one place.
 */
@Service
public class SignoffService {

    public static final int MAX_REASON = 1000;

    private final ReleaseService deployments;
    private final SignoffDecisions decisions;
    private final ChannelApprovers channelApprovers;
    private final WhoMaySign whoMaySign;
    private final TemplateCatalogue templates;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final ProbeRuns probeRuns;
    private final ChannelRules rules;

    SignoffService(ChannelRules rules, ReleaseService deployments, SignoffDecisions decisions, ChannelApprovers channelApprovers,
                   WhoMaySign whoMaySign, TemplateCatalogue templates, AuditTrail audit,
                   ApplicationEventPublisher events, TransactionTemplate tx, Clock clock,
                   ProbeRuns probeRuns) {
        this.rules = rules;
        this.deployments = deployments;
        this.decisions = decisions;
        this.channelApprovers = channelApprovers;
        this.whoMaySign = whoMaySign;
        this.templates = templates;
        this.audit = audit;
        this.events = events;
        this.tx = tx;
        this.clock = clock;
        this.probeRuns = probeRuns;
    }

    /** The release's roles in checklist order; a role named twice in a template is one role. */
    public List<RoleState> roles(Release deployment) {
        var assigned = channelApprovers.of(deployment.channelId());
        var decided = decisions.of(deployment.id());
        var roles = new ArrayList<RoleState>();
        var seen = new HashSet<String>();
        for (SignoffRole role : deployments.checklistOf(deployment).signoffRoles()) {
            String key = RoleNames.key(role.name());
            if (!seen.add(key)) {
                continue;
            }
            var assignment = assigned.get(key);
            var decision = decided.get(key);
            List<Approver> approvers;
            RoleState.ApproverSource source;
            Actor assignedBy = null;
            if (decision != null && decision.approvers() != null) {
                // decided roles keep the approvers they were decided under; renaming reaches only waiting roles
                approvers = decision.approvers();
                source = approvers.isEmpty() ? RoleState.ApproverSource.NOBODY
                        : assignment != null && assignment.approvers().equals(approvers) ? RoleState.ApproverSource.CHANNEL
                        : RoleState.ApproverSource.TEMPLATE;
                assignedBy = source == RoleState.ApproverSource.CHANNEL ? assignment.by() : null;
            } else if (assignment != null) {
                approvers = assignment.approvers();
                source = RoleState.ApproverSource.CHANNEL;
                assignedBy = assignment.by();
            } else if (!role.approvers().isEmpty()) {
                approvers = role.approvers().stream().map(Approver::of).toList();
                source = RoleState.ApproverSource.TEMPLATE;
            } else {
                approvers = List.of();
                source = RoleState.ApproverSource.NOBODY;
            }
            roles.add(new RoleState(roles.size(), role.name(), role.description(), approvers, source,
                    decision == null ? null : decision.decision(), assignedBy,
                    whoMaySign.onlyTheStarter(approvers, deployment.startedBy())));
        }
        return roles;
    }

    public Verdict verdict(Release deployment) {
        return verdict(deployment, roles(deployment));
    }

    /** The verdict from roles already read (a card shows both: one read of the roles). */
    public Verdict verdict(Release deployment, List<RoleState> roles) {
        boolean probesDefined = !deployments.checklistOf(deployment).probes().isEmpty();
        Optional<Boolean> probes = probesDefined
                ? probeRuns.latest(deployment.id()).map(ProbeRunSummary::passed)
                : Optional.empty();
        return Verdict.of(deployments.progressOf(deployment), roles, probesDefined, probes);
    }

    /** Whether this person may decide on the role now, without deciding (before asking for a reason). */
    public Outcome check(long releaseId, int roleIndex, String userId) {
        var deployment = deployments.find(releaseId).orElseThrow();
        if (deployment.status() != ReleaseStatus.IN_PROGRESS) {
            return new Outcome.Closed(deployment);
        }
        var role = role(deployment, roleIndex);
        if (role.isEmpty()) {
            return new Outcome.UnknownRole();
        }
        var eligibility = whoMaySign.check(role.get(), deployment.startedBy(), userId);
        return eligibility.allowed() ? new Outcome.MayDecide(role.get()) : new Outcome.Refused(role.get(), eligibility);
    }

    /**
     * The roles of the release this person may decide on now, by the same rule a click is checked
     * against; empty once the release is past sign-off.
     */
    public List<RoleState> mayDecide(Release deployment, String userId) {
        if (deployment.status() != ReleaseStatus.IN_PROGRESS) {
            return List.of();
        }
        return roles(deployment).stream()
                .filter(role -> whoMaySign.check(role, deployment.startedBy(), userId).allowed())
                .toList();
    }

    public Outcome approve(long releaseId, int roleIndex, Actor actor) {
        return decide(releaseId, roleIndex, actor, Decision.APPROVED, null);
    }

    /** @param reason why; required, at most {@link #MAX_REASON} characters */
    public Outcome reject(long releaseId, int roleIndex, Actor actor, String reason) {
        if (reason == null || reason.isBlank() || reason.strip().length() > MAX_REASON) {
            throw new IllegalArgumentException("a rejection needs a reason of 1 to " + MAX_REASON + " characters");
        }
        return decide(releaseId, roleIndex, actor, Decision.REJECTED, reason.strip());
    }

    /** Takes back the standing decision on a role; only the person who made it may. */
    public Outcome withdraw(long releaseId, int roleIndex, Actor actor) {
        var deployment = deployments.find(releaseId).orElseThrow();
        if (deployment.status() != ReleaseStatus.IN_PROGRESS) {
            return new Outcome.Closed(deployment);
        }
        var found = role(deployment, roleIndex);
        if (found.isEmpty()) {
            return new Outcome.UnknownRole();
        }
        var role = found.get();
        if (role.decision() == null) {
            return new Outcome.NothingToWithdraw(role);
        }
        if (!role.decision().by().id().equals(actor.id())) {
            return new Outcome.NotYours(role, role.decision());
        }
        return tx.execute(status -> {
            if (!ReleaseStatus.IN_PROGRESS.name().equals(decisions.lockStatus(releaseId))) {
                return new Outcome.Closed(deployments.find(releaseId).orElseThrow());
            }
            var withdrawn = decisions.withdraw(releaseId, role.name(), actor.id());
            if (withdrawn.isEmpty()) {
                return new Outcome.NothingToWithdraw(role);
            }
            audit.record(releaseId, Decision.WITHDRAWN_EVENT, actor, role.name(),
                    withdrawn.get() == Decision.APPROVED ? "approval withdrawn" : "rejection withdrawn",
                    clock.instant());
            events.publishEvent(new SignoffDecided(releaseId, role.name(), Decision.WITHDRAWN_EVENT, actor));
            return new Outcome.Recorded(role);
        });
    }

    private Outcome decide(long releaseId, int roleIndex, Actor actor, Decision decision, String reason) {
        var outcome = check(releaseId, roleIndex, actor.id());
        if (!(outcome instanceof Outcome.MayDecide(RoleState role))) {
            return outcome;
        }
        // Who may sign was settled above, outside the transaction: it may ask Slack about group members.
        return tx.execute(status -> {
            if (!ReleaseStatus.IN_PROGRESS.name().equals(decisions.lockStatus(releaseId))) {
                return new Outcome.Closed(deployments.find(releaseId).orElseThrow());
            }
            var now = clock.instant();
            if (!decisions.record(releaseId, role.name(), decision, actor, reason, now, role.approvers())) {
                return new Outcome.Unchanged(role, decisions.find(releaseId, role.name()).orElseThrow());
            }
            audit.record(releaseId, decision.auditType(), actor, role.name(), reason, now);
            events.publishEvent(new SignoffDecided(releaseId, role.name(), decision.auditType(), actor));
            return new Outcome.Recorded(role);
        });
    }

    private Optional<RoleState> role(Release deployment, int roleIndex) {
        var roles = roles(deployment);
        return roleIndex >= 0 && roleIndex < roles.size() ? Optional.of(roles.get(roleIndex)) : Optional.empty();
    }

    // ---- per-channel approvers ----------------------------------------------------------------

    /** Role names known in the channel: its running releases', every template's and those already assigned. */
    public List<String> knownRoles(String channelId) {
        var names = new LinkedHashMap<String, String>();
        for (Release deployment : deployments.activeInChannel(channelId)) {
            deployments.checklistOf(deployment).signoffRoles()
                    .forEach(role -> names.putIfAbsent(RoleNames.key(role.name()), role.name()));
        }
        for (String template : templates.names()) {
            templates.find(template).ifPresent(found -> found.checklist().signoffRoles()
                    .forEach(role -> names.putIfAbsent(RoleNames.key(role.name()), role.name())));
        }
        channelApprovers.of(channelId).values()
                .forEach(assignment -> names.putIfAbsent(RoleNames.key(assignment.role()), assignment.role()));
        return List.copyOf(names.values());
    }

    /** Keyed by lower-cased role name. */
    public Map<String, ChannelAssignment> assignments(String channelId) {
        return channelApprovers.of(channelId);
    }

    /**
     * Sets who may sign {@code role} in the channel, if this person administers the channel's rules.
     * Running releases of the channel follow at once for roles not yet decided.
     */
    public ApproversChange assign(String channelId, String role, List<Approver> approvers, Actor actor) {
        if (approvers.isEmpty()) {
            throw new IllegalArgumentException("name at least one approver, or clear the role");
        }
        var refusal = rules.checkAdminister(channelId, actor.id());
        if (refusal.isPresent()) {
            return new ApproversChange.Refused(refusal.get());
        }
        return tx.execute(status -> {
            var before = before(channelId, role);
            channelApprovers.assign(channelId, role, approvers, actor, clock.instant());
            rules.record(channelId, "APPROVERS", role, tokens(before), tokens(approvers), actor);
            followedByRunningReleases(channelId, role, actor,
                    approvers.stream().map(Approver::id).collect(Collectors.joining(" ")));
            return new ApproversChange.Assigned(role, before, approvers);
        });
    }

    /** Removes the channel's assignment: the template's approvers (or anyone but the starter) apply again. */
    public ApproversChange clear(String channelId, String role, Actor actor) {
        var refusal = rules.checkAdminister(channelId, actor.id());
        if (refusal.isPresent()) {
            return new ApproversChange.Refused(refusal.get());
        }
        return tx.execute(status -> {
            var before = before(channelId, role);
            if (!channelApprovers.clear(channelId, role)) {
                return new ApproversChange.NothingToClear(role);
            }
            rules.record(channelId, "APPROVERS", role, tokens(before), null, actor);
            followedByRunningReleases(channelId, role, actor, "channel assignment cleared");
            return new ApproversChange.Cleared(role, before);
        });
    }

    private List<Approver> before(String channelId, String role) {
        var assignment = channelApprovers.of(channelId).get(RoleNames.key(role));
        return assignment == null ? List.of() : assignment.approvers();
    }

    private static String tokens(List<Approver> approvers) {
        return approvers.stream().map(Approver::token).collect(Collectors.joining(" "));
    }

    private void followedByRunningReleases(String channelId, String role, Actor actor, String detail) {
        String key = RoleNames.key(role);
        var now = clock.instant();
        for (Release deployment : deployments.activeInChannel(channelId)) {
            if (deployment.status() != ReleaseStatus.IN_PROGRESS) {
                continue;
            }
            var match = deployments.checklistOf(deployment).signoffRoles().stream()
                    .filter(candidate -> RoleNames.key(candidate.name()).equals(key))
                    .findFirst();
            if (match.isPresent() && decisions.find(deployment.id(), match.get().name()).isEmpty()) {
                audit.record(deployment.id(), "APPROVERS_ASSIGNED", actor, match.get().name(), detail, now);
                events.publishEvent(new ApproversAssigned(deployment.id(), match.get().name()));
            }
        }
    }
}
