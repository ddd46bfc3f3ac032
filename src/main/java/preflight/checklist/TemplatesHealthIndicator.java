package preflight.checklist;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code templates} on {@code /actuator/health}: per Git source the last fetch, the commit served and the last error.
 * Stays UP while a source fails: the last good templates are still served, so the instance is still useful.
 */
@Component("templates")
class TemplatesHealthIndicator implements HealthIndicator {

    private final TemplateCatalogue catalogue;

    TemplatesHealthIndicator(TemplateCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    @Override
    public Health health() {
        Health.Builder health = Health.up();
        for (TemplateSourceStatus source : catalogue.sourceStatuses()) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("location", source.location());
            details.put("branch", source.branch() == null ? "(default)" : source.branch());
            details.put("path", source.path().isEmpty() ? "/" : source.path());
            details.put("lastFetch", source.lastAttempt() == null ? "never" : source.lastAttempt().toString());
            details.put("lastSuccess", source.lastSuccess() == null ? "never" : source.lastSuccess().toString());
            details.put("commit", source.commit() == null ? "none" : source.commit());
            details.put("templates", source.templates());
            if (source.failing()) {
                details.put("lastError", source.error());
            }
            health.withDetail(source.source(), details);
        }
        int problems = catalogue.problems().size();
        if (problems > 0) {
            health.withDetail("brokenTemplates", problems);
        }
        return health.build();
    }
}
