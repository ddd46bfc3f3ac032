package preflight.deployment;

import java.util.Optional;
import java.util.Set;

/** The members of a Slack user group, as Slack knows them now (looked up through the Web API, cached briefly). */
public interface GroupMembers {

    /** Whether the id names a user group rather than one person; how ids look is Slack's business. */
    boolean isGroup(String id);

    /** @return the user ids in the group; empty when they could not be looked up (then nobody counts as a member) */
    Optional<Set<String>> of(String groupId);
}
