package preflight.checklist;

import java.util.List;

public record SignoffRole(String name, String description, List<String> approvers, int line) {

    public SignoffRole {
        description = description == null ? "" : description;
        approvers = Immutable.list(approvers);
    }
}
