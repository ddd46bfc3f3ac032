package preflight.system;

import java.sql.SQLException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns "PostgreSQL is down / wrong password / no such database" into one line naming the
 * settings to check, instead of a wall of Hikari and Flyway stack traces.
 */
class DatabaseUnreachableFailureAnalyzer extends AbstractFailureAnalyzer<SQLException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, SQLException cause) {
        String state = cause.getSQLState() == null ? "" : cause.getSQLState();
        boolean connection = state.startsWith("08") || state.startsWith("28") || state.equals("3D000");
        if (!connection) {
            return null;
        }
        return new FailureAnalysis("Cannot connect to PostgreSQL: " + cause.getMessage(),
                "Check SPRING_DATASOURCE_URL, SPRING_DATASOURCE_USERNAME and SPRING_DATASOURCE_PASSWORD"
                        + " (default jdbc:postgresql://localhost:5432/preflight, user preflight) and that"
                        + " PostgreSQL is running.", cause);
    }
}
