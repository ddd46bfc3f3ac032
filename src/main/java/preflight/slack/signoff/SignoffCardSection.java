package preflight.slack.signoff;

import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import com.slack.api.model.block.LayoutBlock;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import preflight.approval.SignoffService;
import preflight.approval.Verdict;
import preflight.deployment.Release;
import preflight.slack.checklist.ChecklistLayout;
import preflight.slack.release.CardSection;
import preflight.slack.text.MissingWords;
import preflight.slack.text.Mrkdwn;

/** The sign-off roles and the go / no-go verdict on the release card. */
@Component
@Order(10)
public class SignoffCardSection implements CardSection {

    private static final int LINE_MAX = 400;

    private final SignoffService signoffs;

    SignoffCardSection(SignoffService signoffs) {
        this.signoffs = signoffs;
    }

    @Override
    public List<LayoutBlock> blocks(Release deployment) {
        var roles = signoffs.roles(deployment);
        var blocks = new ArrayList<LayoutBlock>();
        if (!roles.isEmpty()) {
            String text = Mrkdwn.truncate("*Sign-offs*\n" + roles.stream()
                    .map(role -> Mrkdwn.truncate(SignoffFormat.icon(role) + " *" + SignoffFormat.roleName(role) + "* — "
                            + SignoffFormat.state(role, 150), LINE_MAX))
                    .collect(Collectors.joining("\n")), ChecklistLayout.SECTION_TEXT_MAX);
            blocks.add(section(s -> s.blockId("card:signoffs").text(markdownText(text))));
        }
        String verdict = Mrkdwn.truncate("*Go / no-go:* " + verdict(signoffs.verdict(deployment, roles)),
                ChecklistLayout.SECTION_TEXT_MAX);
        blocks.add(section(s -> s.blockId("card:verdict").text(markdownText(verdict))));
        return blocks;
    }

    /** "🟢 *GO*" or "🔴 *NO-GO* — 3 items unticked · QA Lead not signed". */
    public static String verdict(Verdict verdict) {
        return verdict.go() ? "🟢 *GO* — nothing is missing"
                : "🔴 *NO-GO* — " + Mrkdwn.escape(MissingWords.joined(verdict.missing(), " · "));
    }
}
