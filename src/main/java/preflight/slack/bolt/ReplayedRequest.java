package preflight.slack.bolt;

/**
 * Thrown just before the commit of a change that this signed request already made once: the change
 * rolls back, and {@link ReplayGuard} answers the request. Listeners let it pass.
 */
public final class ReplayedRequest extends RuntimeException {

    ReplayedRequest() {
        super("this signed request was already handled", null, false, false);
    }
}
