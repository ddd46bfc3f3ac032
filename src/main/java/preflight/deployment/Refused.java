package preflight.deployment;

/** Thrown where a step is refused deep inside a transaction; carries the typed reason. */
public class Refused extends RuntimeException {

    private final transient Refusal refusal;

    public Refused(Refusal refusal) {
        super(refusal.getClass().getSimpleName(), null, false, false);
        this.refusal = refusal;
    }

    public Refusal refusal() {
        return refusal;
    }
}
