package preflight.slack.lifecycle;

import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

import com.slack.api.model.block.composition.PlainTextObject;
import com.slack.api.model.block.element.ButtonElement;

import preflight.deployment.Release;

/** The lifecycle buttons, shared by the release card and the reminder messages. */
final class LifecycleActions {

    static final String SHIP = "release_ship";
    static final String ABORT = "release_abort";
    static final String COMPLETE = "release_complete";
    static final String ROLL_BACK = "release_rollback";
    static final String SNOOZE = "monitoring_snooze";

    private LifecycleActions() {
    }

    static ButtonElement ship(Release deployment) {
        return button(b -> b.actionId(SHIP).text(text("🚀 Mark shipped")).value(id(deployment)).style("primary"));
    }

    static ButtonElement abort(Release deployment) {
        return button(b -> b.actionId(ABORT).text(text("Abort")).value(id(deployment)).style("danger"));
    }

    static ButtonElement complete(Release deployment) {
        return button(b -> b.actionId(COMPLETE).text(text("✅ Healthy — complete release")).value(id(deployment))
                .style("primary"));
    }

    static ButtonElement rollBack(Release deployment) {
        return button(b -> b.actionId(ROLL_BACK).text(text("Problem — roll back")).value(id(deployment))
                .style("danger"));
    }

    static ButtonElement snooze(Release deployment, String label) {
        return button(b -> b.actionId(SNOOZE).text(text(label)).value(id(deployment)));
    }

    private static PlainTextObject text(String text) {
        return plainText(text, true);
    }

    private static String id(Release deployment) {
        return String.valueOf(deployment.id());
    }
}
