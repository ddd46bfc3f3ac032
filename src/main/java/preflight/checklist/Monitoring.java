package preflight.checklist;

import java.time.Duration;
import java.util.List;

public record Monitoring(Duration window, List<Duration> checkins) {

    public Monitoring {
        checkins = Immutable.list(checkins);
    }

    static Monitoring appDefault() {
        return new Monitoring(null, List.of());
    }
}
