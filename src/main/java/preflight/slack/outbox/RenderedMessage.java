package preflight.slack.outbox;

import java.util.List;

import com.slack.api.model.block.LayoutBlock;

/** Blocks plus the notification/fallback text Slack shows where blocks cannot be rendered. */
public record RenderedMessage(String text, List<LayoutBlock> blocks) {
}
