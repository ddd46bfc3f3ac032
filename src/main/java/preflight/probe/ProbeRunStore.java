package preflight.probe;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import preflight.deployment.Actor;
import preflight.probe.ProbeResult.Outcome;

/** probe_run and probe_result rows. */
@Repository
class ProbeRunStore {

    private static final String RUN_COLUMNS = """
            id, deployment_id, number, only_probe, probe_count, triggered_by, triggered_by_name, status,
            started_at, expected_by, finished_at, passed, failed""";

    private static final RowMapper<ProbeRun> RUN = (rs, n) -> new ProbeRun(rs.getLong("id"),
            rs.getLong("deployment_id"), rs.getInt("number"), rs.getString("only_probe"), rs.getInt("probe_count"),
            new Actor(rs.getString("triggered_by"), rs.getString("triggered_by_name")),
            ProbeRun.Status.valueOf(rs.getString("status")), instant(rs, "started_at"),
            instant(rs, "expected_by"), instant(rs, "finished_at"), rs.getInt("passed"), rs.getInt("failed"));

    private static final RowMapper<ProbeRunResult> RESULT = (rs, n) -> new ProbeRunResult(rs.getString("probe_id"),
            rs.getInt("position"), rs.getString("kind"), rs.getString("target"), Outcome.valueOf(rs.getString("outcome")),
            Duration.ofMillis(rs.getLong("latency_ms")), rs.getString("detail"), strings(rs, "ticked"),
            strings(rs, "unticked"), strings(rs, "kept"), instant(rs, "finished_at"));

    private final JdbcClient jdbc;

    ProbeRunStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @throws org.springframework.dao.DuplicateKeyException when another run of the release is running */
    ProbeRun insert(long releaseId, String onlyProbe, int probeCount, Actor by, Instant now, Instant expectedBy) {
        return jdbc.sql("""
                        INSERT INTO probe_run (deployment_id, number, only_probe, probe_count, triggered_by,
                                               triggered_by_name, started_at, expected_by)
                        SELECT :deployment, coalesce(max(number), 0) + 1, :only, :count, :by, :byName, :now, :expected
                          FROM probe_run WHERE deployment_id = :deployment
                        RETURNING""" + " " + RUN_COLUMNS)
                .param("deployment", releaseId)
                .param("only", onlyProbe)
                .param("count", probeCount)
                .param("by", by.id())
                .param("byName", by.name())
                .param("now", Timestamp.from(now))
                .param("expected", Timestamp.from(expectedBy))
                .query(RUN)
                .single();
    }

    Optional<ProbeRun> running(long releaseId) {
        return oneRun("WHERE deployment_id = ? AND status = 'RUNNING'", releaseId);
    }

    /** Runs still RUNNING after every one of their probes must have timed out: their instance is gone. */
    List<ProbeRun> overdue(Instant now) {
        return jdbc.sql("SELECT " + RUN_COLUMNS + " FROM probe_run WHERE status = 'RUNNING' AND expected_by < ?")
                .param(Timestamp.from(now))
                .query(RUN)
                .list();
    }

    Optional<ProbeRun> find(long runId) {
        return oneRun("WHERE id = ?", runId);
    }

    Optional<ProbeRun> byNumber(long releaseId, int number) {
        return oneRun("WHERE deployment_id = ? AND number = ?", releaseId, number);
    }

    Optional<ProbeRun> latest(long releaseId) {
        return oneRun("WHERE deployment_id = ? ORDER BY number DESC LIMIT 1", releaseId);
    }

    Optional<ProbeRun> latestFinishedFullRun(long releaseId) {
        return oneRun("""
                WHERE deployment_id = ? AND status = 'FINISHED' AND only_probe IS NULL
                ORDER BY number DESC LIMIT 1""", releaseId);
    }

    /** The probe_run row the rest of the query picks, if any. */
    private Optional<ProbeRun> oneRun(String where, Object... params) {
        return jdbc.sql("SELECT " + RUN_COLUMNS + " FROM probe_run " + where)
                .params(params)
                .query(RUN)
                .optional();
    }

    /** @return false when this probe's result is already stored (a retry after a failed write) */
    boolean insertResult(long runId, int position, ProbeResult result) {
        return jdbc.sql("""
                        INSERT INTO probe_result (run_id, probe_id, position, kind, target, outcome, latency_ms,
                                                  detail, finished_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                .params(runId, result.probeId(), position, result.kind() == null ? "" : result.kind(),
                        result.target() == null ? "" : result.target(), result.outcome().name(),
                        result.latency() == null ? 0 : result.latency().toMillis(),
                        result.detail() == null ? "" : result.detail(), Timestamp.from(result.finishedAt()))
                .update() == 1;
    }

    void recordEffects(long runId, String probeId, boolean passed, List<String> ticked, List<String> unticked,
                       List<String> kept) {
        jdbc.sql("UPDATE probe_result SET ticked = ?, unticked = ?, kept = ? WHERE run_id = ? AND probe_id = ?")
                .params(ticked.toArray(String[]::new), unticked.toArray(String[]::new), kept.toArray(String[]::new),
                        runId, probeId)
                .update();
        jdbc.sql("UPDATE probe_run SET passed = passed + ?, failed = failed + ? WHERE id = ?")
                .params(passed ? 1 : 0, passed ? 0 : 1, runId)
                .update();
    }

    boolean hasResult(long runId, String probeId) {
        return jdbc.sql("SELECT count(*) FROM probe_result WHERE run_id = ? AND probe_id = ?")
                .params(runId, probeId)
                .query(Integer.class)
                .single() > 0;
    }

    /** @return false when the run is no longer running (finished or interrupted already) */
    boolean close(long runId, ProbeRun.Status status, Instant now) {
        return jdbc.sql("UPDATE probe_run SET status = ?, finished_at = ? WHERE id = ? AND status = 'RUNNING'")
                .params(status.name(), Timestamp.from(now), runId)
                .update() == 1;
    }

    List<ProbeRunResult> results(long runId) {
        return jdbc.sql("""
                        SELECT probe_id, position, kind, target, outcome, latency_ms, detail, ticked, unticked, kept,
                               finished_at
                          FROM probe_result WHERE run_id = ? ORDER BY position, probe_id""")
                .param(runId)
                .query(RESULT)
                .list();
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static List<String> strings(ResultSet rs, String column) throws SQLException {
        Array array = rs.getArray(column);
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
