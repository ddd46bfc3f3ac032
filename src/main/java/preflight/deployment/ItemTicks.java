package preflight.deployment;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ItemTicks {

    private final JdbcClient jdbc;

    ItemTicks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The audit event of a tick or an untick, appended by the same statement as the change: a click
     * costs one round trip to PostgreSQL, and there is never a change without its event.
     */
    private static final String AND_RECORD_IT = """
            INSERT INTO deployment_event (deployment_id, type, actor_id, actor_name, subject, detail, at)
            SELECT deployment_id, CAST(:type AS text), CAST(:actorId AS text), CAST(:actorName AS text), item_id,
                   CAST(:detail AS text), CAST(:at AS timestamptz)
              FROM changed""";

    /**
     * Ticks and unticks change only an active release's checklist, checked in the statement that
     * writes: a click may have read the release before another instance closed it.
     */
    private static final String WHILE_ACTIVE = " EXISTS (SELECT 1 FROM deployment WHERE id = :releaseId AND status IN ("
            + Arrays.stream(ReleaseStatus.values()).filter(ReleaseStatus::active)
                    .map(status -> "'" + status.name() + "'").collect(Collectors.joining(", ")) + ")) ";

    /** @return false when the item was already ticked (a double click or a duplicate delivery) or the release is closed */
    boolean tick(long releaseId, String itemId, Actor by, TickSource source, Instant at, String detail) {
        return tick(releaseId, itemId, by, source, at, detail, null, null);
    }

    boolean tick(long releaseId, String itemId, Actor by, TickSource source, Instant at, String detail,
                 String evidence, String note) {
        return jdbc.sql("""
                        WITH changed AS (
                            INSERT INTO item_tick (deployment_id, item_id, ticked_by, ticked_by_name, source, ticked_at,
                                                   evidence, note)
                            SELECT :releaseId, :itemId, :actorId, :actorName, :source, :at, :evidence, :note
                             WHERE """ + WHILE_ACTIVE + """
                            ON CONFLICT DO NOTHING RETURNING deployment_id, item_id)
                        """ + AND_RECORD_IT)
                .param("releaseId", releaseId)
                .param("itemId", itemId)
                .param("source", source.name())
                .param("evidence", evidence)
                .param("note", note)
                .param("type", "ITEM_TICKED")
                .params(event(by, at, detail))
                .update() == 1;
    }

    /** @return false when the item was not ticked or the release is closed */
    boolean untick(long releaseId, String itemId, Actor by, Instant at) {
        return jdbc.sql("""
                        WITH changed AS (
                            DELETE FROM item_tick WHERE deployment_id = :releaseId AND item_id = :itemId
                               AND """ + WHILE_ACTIVE + """
                            RETURNING deployment_id, item_id)
                        """ + AND_RECORD_IT)
                .param("releaseId", releaseId)
                .param("itemId", itemId)
                .param("type", "ITEM_UNTICKED")
                .params(event(by, at, null))
                .update() == 1;
    }

    /**
     * Takes back a tick only if this actor gave it from this source, so a probe never unticks what a
     * person ticked meanwhile. @return false when the item is not ticked that way
     */
    boolean untickIfTickedBy(long releaseId, String itemId, Actor by, TickSource source, Instant at, String detail) {
        return jdbc.sql("""
                        WITH changed AS (
                            DELETE FROM item_tick
                             WHERE deployment_id = :releaseId AND item_id = :itemId
                               AND ticked_by = :actorId AND source = :source AND """ + WHILE_ACTIVE + """
                            RETURNING deployment_id, item_id)
                        """ + AND_RECORD_IT)
                .param("releaseId", releaseId)
                .param("itemId", itemId)
                .param("source", source.name())
                .param("type", "ITEM_UNTICKED")
                .params(event(by, at, detail))
                .update() == 1;
    }

    private static Map<String, Object> event(Actor by, Instant at, String detail) {
        Map<String, Object> params = new HashMap<>();
        params.put("actorId", by.id());
        params.put("actorName", by.name());
        params.put("detail", detail);
        params.put("at", Timestamp.from(at));
        return params;
    }

    Map<String, ItemTick> of(long releaseId) {
        Map<String, ItemTick> ticks = new LinkedHashMap<>();
        jdbc.sql("""
                        SELECT item_id, ticked_by, ticked_by_name, source, ticked_at, evidence, note
                          FROM item_tick WHERE deployment_id = ? ORDER BY ticked_at""")
                .param(releaseId)
                .query((rs, n) -> new ItemTick(rs.getString("item_id"),
                        new Actor(rs.getString("ticked_by"), rs.getString("ticked_by_name")),
                        TickSource.valueOf(rs.getString("source")),
                        rs.getTimestamp("ticked_at").toInstant(), rs.getString("evidence"), rs.getString("note")))
                .list()
                .forEach(tick -> ticks.put(tick.itemId(), tick));
        return ticks;
    }
}
