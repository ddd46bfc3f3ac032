package preflight.deployment;

/** The person may not do this to the release; the message says who may. */
public class NotAllowed extends RuntimeException {

    public NotAllowed(String message) {
        super(message);
    }
}
