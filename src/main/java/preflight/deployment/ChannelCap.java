package preflight.deployment;

import java.sql.SQLException;

/** The refusal of PostgreSQL's check of a channel's cap of active releases (V64), as it reaches Java. */
final class ChannelCap {

    private static final String SQL_STATE = "PF001";

    private ChannelCap() {
    }

    static boolean exceeded(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && SQL_STATE.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
