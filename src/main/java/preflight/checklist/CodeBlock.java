package preflight.checklist;

public record CodeBlock(String language, String content) {

    public CodeBlock {
        language = language == null ? "" : language;
        content = content == null ? "" : content;
    }
}
