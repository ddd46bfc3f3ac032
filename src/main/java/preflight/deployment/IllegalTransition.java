package preflight.deployment;

/** A lifecycle step that does not apply in the release's current state (e.g. shipping twice). */
public class IllegalTransition extends RuntimeException {

    IllegalTransition(Release deployment, String action) {
        super("Release " + deployment.version() + " is " + deployment.status().label() + ", so it cannot " + action
                + " now.");
    }
}
