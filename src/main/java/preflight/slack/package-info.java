/**
 * The only module that talks to Slack, split by feature: {@code bolt} (wiring, request checks),
 * {@code outbox} (delivery), {@code text} (mrkdwn, dates, mentions), {@code command} (the
 * {@code /deploy} dispatcher) and one package per feature's commands, buttons and renderers.
 * It may use every feature, never the HTTP API; no feature uses it.
 */
@ApplicationModule(displayName = "slack", allowedDependencies = { "approval", "checklist", "deployment", "probe",
        "reminder", "report", "system", "token", "words" })
package preflight.slack;

import org.springframework.modulith.ApplicationModule;
