package preflight.api;

import preflight.deployment.Actor;
import preflight.token.ApiToken;

/** The token a request was authenticated with: every release it sees is one of its channel's. */
record ApiCaller(ApiToken token) {

    String channelId() {
        return token.channelId();
    }

    Actor actor() {
        return token.actor();
    }
}
