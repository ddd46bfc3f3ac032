package preflight.checklist;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Fetches the Git sources every {@code PREFLIGHT_TEMPLATES_GIT_REFRESH}. Each instance fetches on its own: the same
 * push is the same commit id everywhere, so releases started on any instance record the same commit.
 */
@Component
class GitTemplateRefresh implements SmartLifecycle {

    private final TemplateCatalogue catalogue;
    private final GitTemplateSettings settings;
    private ScheduledExecutorService scheduler;

    GitTemplateRefresh(TemplateCatalogue catalogue, org.springframework.beans.factory.ObjectProvider<GitTemplateSettings> settings) {
        this.catalogue = catalogue;
        this.settings = settings.getIfAvailable(GitTemplateSettings::none);
    }

    @Override
    public synchronized void start() {
        if (!catalogue.hasRemoteSources()) {
            return;
        }
        long period = settings.templatesGitRefresh().toMillis();
        scheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("templates-git").factory());
        scheduler.scheduleWithFixedDelay(catalogue::refresh, period, period, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }
}
