package preflight.deployment;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A release in flight. Item ticks are not children of this aggregate: they live in their own
 * rows so that fifty people ticking at once never contend for this row's version.
 */
@Table("deployment")
public class Deployment {

    @Id
    private Long id;
    @Version
    private int version;
    private final String channelId;
    private final String teamDomain;
    private final String release;
    private final String environment;
    private final String templateName;
    private final String templateSource;
    private final String startedBy;
    private final String startedByName;
    private DeploymentStatus status;
    private String threadTs;
    private final Instant startedAt;
    private Instant updatedAt;

    @PersistenceCreator
    public Deployment(Long id, int version, String channelId, String teamDomain, String release, String environment,
               String templateName, String templateSource, String startedBy, String startedByName,
               DeploymentStatus status, String threadTs, Instant startedAt, Instant updatedAt) {
        this.id = id;
        this.version = version;
        this.channelId = channelId;
        this.teamDomain = teamDomain;
        this.release = release;
        this.environment = environment;
        this.templateName = templateName;
        this.templateSource = templateSource;
        this.startedBy = startedBy;
        this.startedByName = startedByName;
        this.status = status;
        this.threadTs = threadTs;
        this.startedAt = startedAt;
        this.updatedAt = updatedAt;
    }

    static Deployment start(StartRelease command, String templateSource, Instant now) {
        return new Deployment(null, 0, command.channelId(), command.teamDomain(), command.release(),
                command.environment(), command.templateName(), templateSource, command.actor().id(),
                command.actor().name(), DeploymentStatus.IN_PROGRESS, null, now, now);
    }

    void attachThread(String ts, Instant now) {
        this.threadTs = ts;
        this.updatedAt = now;
    }

    public Long id() { return id; }
    public String channelId() { return channelId; }
    public String teamDomain() { return teamDomain; }
    public String release() { return release; }
    public String environment() { return environment; }
    public String templateName() { return templateName; }
    public String templateSource() { return templateSource; }
    public String startedBy() { return startedBy; }
    public String startedByName() { return startedByName; }
    public DeploymentStatus status() { return status; }
    public String threadTs() { return threadTs; }
    public Instant startedAt() { return startedAt; }
    public Instant updatedAt() { return updatedAt; }
}
