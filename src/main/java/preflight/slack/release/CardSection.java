package preflight.slack.release;

import java.util.List;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.element.ButtonElement;

import preflight.deployment.Release;

/**
 * A feature's part of the release card: its blocks (sign-offs, probe results, …) and the
 * buttons it adds to the card's action row. Sections are ordered with {@code @Order}.
 */
public interface CardSection {

    List<LayoutBlock> blocks(Release deployment);

    default List<ButtonElement> buttons(Release deployment) {
        return List.of();
    }
}
