package preflight.deployment;

public class UnknownItem extends RuntimeException {

    UnknownItem(String itemId) {
        super("no checklist item " + itemId);
    }
}
