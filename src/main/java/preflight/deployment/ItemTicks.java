package preflight.deployment;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ItemTicks {

    private final JdbcClient jdbc;

    ItemTicks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @return false when the item was already ticked (a double click or a duplicate delivery) */
    boolean tick(long deploymentId, String itemId, Actor by, TickSource source, Instant at) {
        return jdbc.sql("""
                        INSERT INTO item_tick (deployment_id, item_id, ticked_by, ticked_by_name, source, ticked_at)
                        VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                .params(deploymentId, itemId, by.id(), by.name(), source.name(), Timestamp.from(at))
                .update() == 1;
    }

    /** @return false when the item was not ticked */
    boolean untick(long deploymentId, String itemId) {
        return jdbc.sql("DELETE FROM item_tick WHERE deployment_id = ? AND item_id = ?")
                .params(deploymentId, itemId)
                .update() == 1;
    }

    /**
     * Takes back a tick only if this actor gave it from this source, so a probe never unticks what a
     * person ticked meanwhile. @return false when the item is not ticked that way
     */
    boolean untickIfTickedBy(long deploymentId, String itemId, String actorId, TickSource source) {
        return jdbc.sql("""
                        DELETE FROM item_tick
                         WHERE deployment_id = ? AND item_id = ? AND ticked_by = ? AND source = ?""")
                .params(deploymentId, itemId, actorId, source.name())
                .update() == 1;
    }

    Map<String, ItemTick> of(long deploymentId) {
        Map<String, ItemTick> ticks = new LinkedHashMap<>();
        jdbc.sql("""
                        SELECT item_id, ticked_by, ticked_by_name, source, ticked_at
                          FROM item_tick WHERE deployment_id = ? ORDER BY ticked_at""")
                .param(deploymentId)
                .query((rs, n) -> new ItemTick(rs.getString("item_id"),
                        new Actor(rs.getString("ticked_by"), rs.getString("ticked_by_name")),
                        TickSource.valueOf(rs.getString("source")),
                        rs.getTimestamp("ticked_at").toInstant()))
                .list()
                .forEach(tick -> ticks.put(tick.itemId(), tick));
        return ticks;
    }
}
