package preflight.checklist;

import java.util.List;

public record Item(String id, String text, int depth, String parentId, List<String> details, List<CodeBlock> code,
                   boolean checkedInTemplate, int line) {

    public Item {
        details = Immutable.list(details);
        code = Immutable.list(code);
    }
}
