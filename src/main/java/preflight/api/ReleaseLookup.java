package preflight.api;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import preflight.deployment.Release;
import preflight.deployment.ReleaseNames;
import preflight.deployment.ReleaseService;

/** The release a path names, in the caller's channel only: another channel's releases do not exist for it. */
@Component
class ReleaseLookup {

    private final ReleaseService releases;

    ReleaseLookup(ReleaseService releases) {
        this.releases = releases;
    }

    /** @param environment null for the default, as in Slack */
    Release find(ApiCaller caller, String version, String environment) {
        String env = environment(environment);
        if (!ReleaseNames.validVersion(version)) {
            throw ApiException.badRequest("`version` must be up to 64 letters, digits and . _ + - /, starting with a"
                    + " letter or digit.");
        }
        return releases.latest(caller.channelId(), version, env).orElseThrow(() -> new ApiException(
                HttpStatus.NOT_FOUND, "Not found",
                "No release " + version + " (" + env + ") in this token's channel."));
    }

    static String environment(String environment) {
        if (environment == null || environment.isEmpty()) {
            return ReleaseNames.DEFAULT_ENVIRONMENT;
        }
        if (!ReleaseNames.validEnvironment(environment)) {
            throw ApiException.badRequest("`environment` must be up to 32 letters, digits and . _ -.");
        }
        return environment;
    }
}
