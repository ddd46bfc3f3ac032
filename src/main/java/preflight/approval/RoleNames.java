package preflight.approval;

import java.util.Locale;

final class RoleNames {

    private RoleNames() {
    }

    /** Roles are the same role whatever their case or spacing: "QA  lead" is "QA Lead". */
    static String key(String role) {
        return role.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
