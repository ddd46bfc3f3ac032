package preflight.deployment;

/** Resolves Slack user groups (S…); implemented over the Web API, briefly cached. */
public interface GroupMembership {

    boolean isMember(String groupId, String userId);

    /** Users of a group, for nudging them one by one. */
    java.util.List<String> members(String groupId);
}
