package preflight.checklist;

import java.util.List;

public record Section(String id, List<String> path, boolean postDeploy, boolean signoff, List<Item> items, int line) {

    public Section {
        path = Immutable.list(path);
        items = Immutable.list(items);
    }

    public String title() {
        return path.isEmpty() ? "" : path.getLast();
    }
}
