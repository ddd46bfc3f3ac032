package preflight.deployment;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

interface ReleaseRepository extends ListCrudRepository<Release, Long>, ReleaseStarts {

    @Query("""
            SELECT * FROM deployment
             WHERE channel_id = :channelId AND status IN ('IN_PROGRESS', 'SHIPPED')
             ORDER BY started_at DESC""")
    List<Release> findActiveInChannel(String channelId);

    @Query("SELECT * FROM deployment WHERE status = 'IN_PROGRESS' AND started_at < :before ORDER BY id")
    List<Release> findInProgressStartedBefore(java.time.Instant before);

    @Query("""
            SELECT * FROM deployment
             WHERE channel_id = :channelId AND lower(release) = lower(:release)
               AND lower(environment) = lower(:environment) AND status IN ('IN_PROGRESS', 'SHIPPED')""")
    Optional<Release> findActive(String channelId, String release, String environment);

    @Query("""
            SELECT * FROM deployment
             WHERE channel_id = :channelId AND lower(release) = lower(:release)
             ORDER BY status IN ('IN_PROGRESS', 'SHIPPED') DESC, started_at DESC LIMIT 1""")
    Optional<Release> findLatestByRelease(String channelId, String release);

    @Query("""
            SELECT * FROM deployment
             WHERE channel_id = :channelId AND lower(release) = lower(:release)
               AND lower(environment) = lower(:environment)
             ORDER BY status IN ('IN_PROGRESS', 'SHIPPED') DESC, started_at DESC, id DESC LIMIT 1""")
    Optional<Release> findLatest(String channelId, String release, String environment);
}
