package preflight.approval;

import java.time.Instant;
import java.util.List;

import preflight.deployment.Actor;

/** Who may sign a role in one channel, set with {@code /deploy approvers}. */
public record ChannelAssignment(String role, List<Approver> approvers, Actor by, Instant at) {

    public ChannelAssignment {
        approvers = List.copyOf(approvers);
    }
}
