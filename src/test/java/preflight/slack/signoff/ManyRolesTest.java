package preflight.slack.signoff;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import preflight.testing.FakeSlackApi;
import preflight.testing.SignoffFixture;
import preflight.testing.SlackLimits;

/** A template with more roles than fit with buttons: every role can still be signed from the thread. */
class ManyRolesTest extends SignoffFixture {

    @Test
    void everyOneOfThirtyRolesHasItsMenuAndTheLastCanBeSigned() {
        var signoffs = start("v9.0", "thirty-signoffs");

        var menus = signoffs.blocks().stream().flatMap(block -> FakeSlackApi.interactiveElements(block).stream())
                .filter(element -> "overflow".equals(element.get("type"))).toList();
        assertThat(menus).hasSize(30);
        SlackLimits.assertWithinLimits(signoffs);

        requests.chooseFromMenu(signoffs, SignoffMessageRenderer.MENU + ":29", "approve", "U0BOB", "bob");

        await(() -> decisions().equals(List.of("Approver 30:APPROVED:U0BOB")), "the thirtieth role approved");
        awaitRendered("approved by <@U0BOB>");
        SlackLimits.assertWithinLimits(signoffMessage());
        SlackLimits.assertWithinLimits(card());

        requests.chooseFromMenu(signoffs, SignoffMessageRenderer.MENU + ":0", "approve", "U0ALICE", "alice");
        assertThat(awaitEphemeral("You started this release")).contains("*Approver 01*");
        assertThat(decisions()).hasSize(1);
    }

    @Test
    void sixtyRolesAreSplitOverTwoMessagesAndTheLastRoleIsSignedFromTheSecond() {
        start("v9.1", "sixty-signoffs");
        await(() -> slack.messages(channel).stream().filter(m -> m.text().startsWith("Sign-offs for release")).count() == 2,
                "two sign-off messages");
        var messages = slack.messages(channel).stream().filter(m -> m.text().startsWith("Sign-offs for release")).toList();
        var second = messages.get(1);
        assertThat(second.text()).contains("roles 49–60");
        var approveButtons = second.blocks().stream().flatMap(block -> FakeSlackApi.interactiveElements(block).stream())
                .filter(element -> String.valueOf(element.get("action_id")).startsWith(SignoffMessageRenderer.APPROVE + ":"))
                .toList();
        assertThat(approveButtons).as("the twelve roles 49–60, with buttons again").hasSize(12);
        messages.forEach(SlackLimits::assertWithinLimits);

        requests.clickButton(second, SignoffMessageRenderer.actionId(SignoffMessageRenderer.APPROVE, 59), "U0BOB", "bob");

        await(() -> decisions().equals(List.of("Approver 60:APPROVED:U0BOB")), "the sixtieth role approved");
        await(() -> slack.message(channel, second.ts()).orElseThrow().blocks().toString().contains("approved by <@U0BOB>"),
                "the second message shows it");
        SlackLimits.assertWithinLimits(card());
    }
}
