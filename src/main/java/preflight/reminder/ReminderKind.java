package preflight.reminder;

import java.time.Duration;

/** Which nudge: the end of the monitoring window, or an earlier check-in. */
public record ReminderKind(String name, Duration afterShip) {

    static final String FINAL = "final";

    public boolean isFinal() {
        return name.equals(FINAL);
    }

    /** "24h", "1h30m": how people say it. */
    public String afterShipText() {
        long minutes = afterShip.toMinutes();
        if (minutes % 60 == 0) {
            return (minutes / 60) + "h";
        }
        return minutes >= 60 ? (minutes / 60) + "h" + (minutes % 60) + "m" : minutes + "m";
    }
}
