package preflight.checklist;

public class TemplateException extends RuntimeException {

    private final String template;
    private final int line;
    private final String problem;

    public TemplateException(String template, int line, String problem) {
        super(template + " line " + line + ": " + problem);
        this.template = template;
        this.line = line;
        this.problem = problem;
    }

    public String template() {
        return template;
    }

    public int line() {
        return line;
    }

    public String problem() {
        return problem;
    }
}
