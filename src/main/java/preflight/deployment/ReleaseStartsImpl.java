package preflight.deployment;

import java.sql.Timestamp;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every {@code /deploy start} and API start inserts one release. Spring Data JDBC's save of a new
 * aggregate converted and bound every column through its mapping metadata, a sixth of a start's
 * request time; a new release has nothing to merge, so it is one plain statement here. Later
 * changes still go through {@code save}, with its {@code @Version} check.
 */
class ReleaseStartsImpl implements ReleaseStarts {

    private final JdbcClient jdbc;

    ReleaseStartsImpl(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Release insertStarted(Release started) {
        return jdbc.sql("""
                        INSERT INTO deployment (version, channel_id, release, environment, template_name, template_source,
                                                started_by, started_by_name, status, started_at, updated_at,
                                                template_commit, template_file, template_link)
                        VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        RETURNING id, version, template_digest""")
                .params(started.channelId(), started.version(), started.environment(), started.templateName(),
                        started.templateSource(), started.startedBy(), started.startedByName(), started.status().name(),
                        Timestamp.from(started.startedAt()), Timestamp.from(started.updatedAt()),
                        started.templateCommit(), started.templateFile(), started.templateLink())
                .query((rs, n) -> started.stored(rs.getLong("id"), rs.getInt("version"), rs.getString("template_digest")))
                .single();
    }
}
