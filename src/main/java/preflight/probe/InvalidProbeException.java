package preflight.probe;

/** A probe definition that cannot be run as written; its message is shown to the template author. */
class InvalidProbeException extends Exception {

    InvalidProbeException(String message) {
        super(message, null, false, false);
    }
}
