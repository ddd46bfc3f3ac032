package preflight.deployment;

/** Whether someone administers the whole Slack workspace (admin or owner), as Slack knows now. */
public interface WorkspaceAdmins {

    /** False when it could not be looked up: nobody is an admin by default. */
    boolean isAdmin(String userId);
}
