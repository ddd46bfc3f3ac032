package preflight.system;

/** A required setting is absent; reported at start-up as one line naming the variable to set. */
public class MissingSetting extends RuntimeException {

    private final String variable;
    private final String hint;

    public MissingSetting(String variable, String hint) {
        super(variable + " is not set: " + hint);
        this.variable = variable;
        this.hint = hint;
    }

    public String variable() {
        return variable;
    }

    public String hint() {
        return hint;
    }
}
