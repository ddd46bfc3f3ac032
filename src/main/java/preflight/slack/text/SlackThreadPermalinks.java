package preflight.slack.text;

import java.util.Optional;

import org.springframework.stereotype.Component;

import preflight.deployment.Release;
import preflight.deployment.ThreadPermalinks;

@Component
class SlackThreadPermalinks implements ThreadPermalinks {

    @Override
    public Optional<String> of(Release release) {
        return release.threadTs() == null ? Optional.empty() : Optional.of(ThreadLinks.permalink(release));
    }
}
