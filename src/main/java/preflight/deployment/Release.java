package preflight.deployment;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.ReadOnlyProperty;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Column;
import org.springframework.data.relational.core.mapping.Table;

import preflight.checklist.Template;

/**
 * A release in flight. Item ticks are not children of this aggregate: they live in their own
 * rows so that fifty people ticking at once never contend for this row's version.
 */
@Table("deployment")
public class Release {

    @Id
    private Long id;
    @Version
    @Column("version")
    private int revision;
    private final String channelId;
    @Column("release")
    private final String version;
    private final String environment;
    private final String templateName;
    private final String templateSource;
    private final String startedBy;
    private final String startedByName;
    private ReleaseStatus status;
    /** Kept by PostgreSQL (a generated column); null in a release not loaded from the database. */
    @ReadOnlyProperty
    private String templateDigest;
    private final Instant startedAt;
    private Instant updatedAt;
    private Instant shippedAt;
    private Instant closedAt;
    private String closeReason;
    private String overrideReason;
    /** Set at the start when the template was read from Git; never changed afterwards. */
    private String templateCommit;
    private String templateFile;
    private String templateLink;
    private String overrideBy;
    private String overrideByName;

    public Release(Long id, int revision, String channelId, String version, String environment,
                      String templateName, String templateSource, String startedBy, String startedByName,
                      ReleaseStatus status, Instant startedAt, Instant updatedAt) {
        this(id, revision, channelId, version, environment, templateName, templateSource, startedBy,
                startedByName, status, startedAt, updatedAt, null, null, null, null, null, null);
    }

    @PersistenceCreator
    Release(Long id, int revision, String channelId, String version, String environment,
               String templateName, String templateSource, String startedBy, String startedByName,
               ReleaseStatus status, Instant startedAt, Instant updatedAt, Instant shippedAt,
               Instant closedAt, String closeReason, String overrideReason, String overrideBy,
               String overrideByName) {
        this.overrideBy = overrideBy;
        this.overrideByName = overrideByName;
        this.shippedAt = shippedAt;
        this.closedAt = closedAt;
        this.closeReason = closeReason;
        this.overrideReason = overrideReason;
        this.id = id;
        this.revision = revision;
        this.channelId = channelId;
        this.version = version;
        this.environment = environment;
        this.templateName = templateName;
        this.templateSource = templateSource;
        this.startedBy = startedBy;
        this.startedByName = startedByName;
        this.status = status;
        this.startedAt = startedAt;
        this.updatedAt = updatedAt;
    }

    static Release start(StartRelease command, Template template, Instant now) {
        var release = new Release(null, 0, command.channelId(), command.version(), command.environment(),
                command.templateName(), template.source(), command.actor().id(), command.actor().name(),
                ReleaseStatus.IN_PROGRESS, now, now);
        if (template.commit() != null) {
            release.templateCommit = template.commit();
            release.templateFile = template.origin().file();
            release.templateLink = template.origin().link();
        }
        return release;
    }

    /** What the insert of a new release gave it (see {@link ReleaseStartsImpl}). */
    Release stored(long id, int revision, String templateDigest) {
        this.id = id;
        this.revision = revision;
        this.templateDigest = templateDigest;
        return this;
    }

    void ship(String overrideReason, Actor by, Instant now) {
        require(ReleaseStatus.IN_PROGRESS, Refusal.Step.SHIP);
        this.status = ReleaseStatus.SHIPPED;
        this.overrideReason = overrideReason;
        this.overrideBy = overrideReason == null ? null : by.id();
        this.overrideByName = overrideReason == null ? null : by.name();
        this.shippedAt = now;
        this.updatedAt = now;
    }

    void abort(String reason, Instant now) {
        require(ReleaseStatus.IN_PROGRESS, Refusal.Step.ABORT);
        close(ReleaseStatus.ABORTED, reason, now);
    }

    void complete(Instant now) {
        require(ReleaseStatus.SHIPPED, Refusal.Step.COMPLETE);
        close(ReleaseStatus.COMPLETED, null, now);
    }

    void rollBack(String reason, Instant now) {
        require(ReleaseStatus.SHIPPED, Refusal.Step.ROLL_BACK);
        close(ReleaseStatus.ROLLED_BACK, reason, now);
    }

    private void close(ReleaseStatus closed, String reason, Instant now) {
        this.status = closed;
        this.closeReason = reason;
        this.closedAt = now;
        this.updatedAt = now;
    }

    private void require(ReleaseStatus expected, Refusal.Step step) {
        if (status != expected) {
            throw new Refused(new Refusal.WrongState(this, step));
        }
    }

    public Long id() { return id; }
    public String channelId() { return channelId; }
    public String version() { return version; }
    public String environment() { return environment; }
    public String templateName() { return templateName; }
    public String templateSource() { return templateSource; }
    String templateDigest() { return templateDigest; }
    public String startedBy() { return startedBy; }
    public String startedByName() { return startedByName; }
    public ReleaseStatus status() { return status; }
    public Instant startedAt() { return startedAt; }
    public Instant updatedAt() { return updatedAt; }
    public Instant shippedAt() { return shippedAt; }
    public Instant closedAt() { return closedAt; }
    public String closeReason() { return closeReason; }
    /** Why it shipped although something was missing (an emergency override); null otherwise. */
    public String overrideReason() { return overrideReason; }
    /** The Git commit the template was read at, or null when it came from a folder or is the built-in one. */
    public String templateCommit() { return templateCommit; }
    /** The template's file in its repository (with {@link #templateCommit()}), e.g. {@code deploy/api.md}. */
    public String templateFile() { return templateFile; }
    /** A web page of the template file at that commit (GitHub / GitLab remotes), or null. */
    public String templateLink() { return templateLink; }
    /** Who shipped over the NO-GO; null without an override. */
    public Actor overrideBy() { return overrideBy == null ? null : new Actor(overrideBy, overrideByName); }
}
