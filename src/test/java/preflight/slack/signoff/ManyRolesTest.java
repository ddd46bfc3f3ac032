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
}
