package preflight.slack.signoff;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.option;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;
import static com.slack.api.model.block.element.BlockElements.overflowMenu;

import java.util.ArrayList;
import java.util.List;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.OptionObject;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.block.element.OverflowMenuElement;

import org.springframework.stereotype.Component;

import preflight.approval.RoleState;
import preflight.approval.SignoffService;
import preflight.deployment.Release;
import preflight.deployment.ReleaseService;
import preflight.deployment.ReleaseStatus;
import preflight.slack.outbox.MessageKind;
import preflight.slack.outbox.MessageRenderer;
import preflight.slack.outbox.OutboxMessage;
import preflight.slack.outbox.RenderedMessage;
import preflight.slack.text.Mrkdwn;
import preflight.words.StatusText;

/**
 * The sign-off message in the release thread: per role its state and the buttons to decide.
 * Buttons are shown to everyone; a click is checked against who may sign. The role's index is
 * part of each action id, so one pattern-registered listener per button kind serves every role.
 */
@Component
public class SignoffMessageRenderer implements MessageRenderer {

    static final String APPROVE = "signoff_approve";
    static final String REJECT = "signoff_reject";
    static final String WITHDRAW = "signoff_withdraw";
    /** One menu per role where buttons do not fit; its options are the three actions above. */
    static final String MENU = "signoff_menu";
    /** 1 header block + 2 per role (text, buttons) stays within Slack's 50 blocks per message. */
    static final int MAX_ROLES_WITH_BUTTONS = 24;
    /** 1 header block + 1 per role (text with a menu beside it) + 1 closing line. */
    public static final int MAX_ROLES = 48;
    private static final int TEXT_BUDGET = 10_000;

    private final SignoffService signoffs;
    private final ReleaseService releases;

    SignoffMessageRenderer(SignoffService signoffs, ReleaseService releases) {
        this.signoffs = signoffs;
        this.releases = releases;
    }

    @Override
    public MessageKind kind() {
        return MessageKind.SIGNOFF;
    }

    /** A message shows the roles [firstItem, endItem) of its row; a row of an older release (0, 0) shows them all. */
    @Override
    public RenderedMessage render(OutboxMessage message) {
        var release = releases.find(message.releaseId()).orElseThrow();
        var roles = signoffs.roles(release);
        int end = message.endItem() == 0 ? roles.size() : Math.min(message.endItem(), roles.size());
        return render(release, roles, Math.min(message.firstItem(), end), end);
    }

    public static String actionId(String action, int roleIndex) {
        return action + ":" + roleIndex;
    }

    /** The role ranges of a release's sign-off messages: as many messages as its roles need. */
    public static List<int[]> plan(int roles) {
        var ranges = new ArrayList<int[]>();
        for (int first = 0; first < roles; first += MAX_ROLES) {
            ranges.add(new int[] {first, Math.min(roles, first + MAX_ROLES)});
        }
        return ranges;
    }

    /** The first message of the release's sign-offs, as it stands. */
    public RenderedMessage render(Release deployment) {
        return render(deployment, signoffs.roles(deployment));
    }

    /** Also used by the lint preview, which has roles but no database: the first message. */
    public static RenderedMessage render(Release deployment, List<RoleState> roles) {
        return render(deployment, roles, 0, roles.size());
    }

    static RenderedMessage render(Release deployment, List<RoleState> roles, int first, int end) {
        boolean open = deployment.status() == ReleaseStatus.IN_PROGRESS;
        String release = Mrkdwn.escape(deployment.version());
        var blocks = new ArrayList<LayoutBlock>();
        if (first == 0) {
            String head = "*Sign-offs* for release *" + release + "*\n" + (open
                    ? "Each role is signed by its approvers: *Approve*, or *Reject* with a reason."
                    : "Sign-offs are closed: the release is " + StatusText.of(deployment.status()) + ".");
            blocks.add(section(s -> s.blockId("so:head").text(markdownText(head))));
        } else {
            String head = "*Sign-offs* for release *" + release + "*, continued: roles " + (first + 1) + "–" + end
                    + " of " + roles.size();
            blocks.add(section(s -> s.blockId("so:cont:" + first).text(markdownText(head))));
        }
        var mine = roles.subList(first, end);
        boolean compact = mine.size() > MAX_ROLES_WITH_BUTTONS;
        int shown = Math.min(mine.size(), MAX_ROLES);
        int perRole = Math.min(1500, TEXT_BUDGET / Math.max(1, shown));
        for (RoleState role : mine.subList(0, shown)) {
            String text = Mrkdwn.truncate(SignoffFormat.icon(role) + " *" + SignoffFormat.roleName(role) + "*"
                    + (role.description().isBlank() ? "" : " · _" + Mrkdwn.escape(Mrkdwn.truncate(role.description(), 100)) + "_")
                    + "\n" + SignoffFormat.state(role, 500), perRole);
            if (compact) {
                // a menu beside the text: one block per role, so every role of a long template can be signed here
                blocks.add(section(s -> {
                    s.blockId("so:r:" + role.index()).text(markdownText(text));
                    return open ? s.accessory(menu(role)) : s;
                }));
            } else {
                blocks.add(section(s -> s.blockId("so:r:" + role.index()).text(markdownText(text))));
                if (open) {
                    blocks.add(actions(a -> a.blockId("so:a:" + role.index()).elements(buttons(role))));
                }
            }
        }
        if (shown < mine.size()) {
            blocks.add(context(c -> c.blockId("so:more").elements(List.of(markdownText("…and "
                    + (mine.size() - shown) + " more roles: see the release card for all of them.")))));
        }
        long approved = roles.stream().filter(RoleState::approved).count();
        String text = first == 0
                ? "Sign-offs for release " + release + ": " + approved + " of " + roles.size() + " roles approved"
                : "Sign-offs for release " + release + ", roles " + (first + 1) + "–" + end;
        return new RenderedMessage(text, blocks);
    }

    private static OverflowMenuElement menu(RoleState role) {
        var options = new ArrayList<OptionObject>();
        if (!role.approved()) {
            options.add(option(plainText("Approve"), "approve"));
        }
        if (!role.rejected()) {
            options.add(option(plainText("Reject…"), "reject"));
        }
        if (!role.waiting()) {
            options.add(option(plainText("Withdraw"), "withdraw"));
        }
        return overflowMenu(m -> m.actionId(actionId(MENU, role.index())).options(options));
    }

    private static List<BlockElement> buttons(RoleState role) {
        var buttons = new ArrayList<BlockElement>();
        if (!role.approved()) {
            buttons.add(button(b -> b.actionId(actionId(APPROVE, role.index())).text(plainText("Approve"))
                    .style("primary").value(Integer.toString(role.index()))));
        }
        if (!role.rejected()) {
            buttons.add(button(b -> b.actionId(actionId(REJECT, role.index())).text(plainText("Reject…"))
                    .style("danger").value(Integer.toString(role.index()))));
        }
        if (!role.waiting()) {
            buttons.add(button(b -> b.actionId(actionId(WITHDRAW, role.index())).text(plainText("Withdraw"))
                    .value(Integer.toString(role.index()))));
        }
        return buttons;
    }
}
