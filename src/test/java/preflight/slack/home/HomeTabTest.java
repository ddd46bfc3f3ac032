package preflight.slack.home;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import preflight.testing.FakeSlackApi;
import preflight.testing.SignoffFixture;
import preflight.testing.SlackLimits;

class HomeTabTest extends SignoffFixture {

    @Test
    void theEventsUrlAnswersSlacksUrlVerification() {
        var reply = requests.urlVerification("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).contains("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P");
    }

    @Test
    void homeForAnApproverShowsExactlyTheRolesTheyMaySignInAnyChannel() {
        start("v1.2", "signoff-test");
        long here = releaseId("v1.2");
        String first = channel;
        channel = first + "X";
        start("v2.0", "signoff-test");
        long there = releaseId("v2.0");

        var opened = requests.homeOpened("U0TECH");
        assertThat(opened.status()).isEqualTo(200);
        var home = awaitHome("U0TECH", view -> !approveButtons(view).isEmpty());

        // Tech Lead is named for U0TECH in both channels; Product Owner, open to anyone, waits only in
        // channels U0TECH takes part in (none yet); QA Lead is a group U0TECH is not in.
        assertThat(approveButtons(home)).containsExactlyInAnyOrder(
                HomeApproveListener.actionId(here, 0), HomeApproveListener.actionId(there, 0));
        assertThat(SlackLimits.violations(blocks(home), "", true)).isEmpty();

        requests.homeOpened("U0QA1");
        var qa = awaitHome("U0QA1", view -> !approveButtons(view).isEmpty());
        assertThat(approveButtons(qa)).containsExactlyInAnyOrder(
                HomeApproveListener.actionId(here, 1), HomeApproveListener.actionId(there, 1));

        // Alice started both: she signs none of their roles, and both are her releases
        requests.homeOpened("U0ALICE");
        var alice = awaitHome("U0ALICE", view -> FakeSlackApi.write(view).contains("Your releases"));
        assertThat(approveButtons(alice)).isEmpty();
        assertThat(FakeSlackApi.write(alice)).contains("v1.2", "v2.0", "NO-GO");
    }

    @Test
    void anApproveFromHomeRecordsTheDecisionAndUpdatesTheThreadAndTheHome() {
        var signoff = start("v1.2", "signoff-test");
        long id = releaseId("v1.2");
        requests.homeOpened("U0TECH");
        var home = awaitHome("U0TECH", view -> !approveButtons(view).isEmpty());

        var reply = requests.clickHomeButton(home, HomeApproveListener.actionId(id, 0), "U0TECH", "tech");

        assertThat(reply.status()).isEqualTo(200);
        await(() -> decisions().equals(List.of("Tech Lead:APPROVED:U0TECH")), "Tech Lead approved");
        assertThat(signoffEvents()).extracting(event -> event.get("type") + ":" + event.get("actor"))
                .containsExactly("SIGNOFF_APPROVED:U0TECH");
        await(() -> slack.message(channel, signoff.ts()).orElseThrow().updateCount() > signoff.updateCount()
                && text(slack.message(channel, signoff.ts()).orElseThrow()).contains("U0TECH"), "thread re-rendered");
        // Tech Lead leaves the Home; having acted in the channel, U0TECH now also sees its open-to-anyone Product Owner
        var after = awaitHome("U0TECH", view -> !approveButtons(view).contains(HomeApproveListener.actionId(id, 0)));
        assertThat(approveButtons(after)).containsExactly(HomeApproveListener.actionId(id, 2));
    }

    @Test
    void anApproveFromHomeBySomeoneWhoMayNotSignChangesNothingAndTellsThem() {
        start("v1.2", "signoff-test");
        long id = releaseId("v1.2");
        requests.homeOpened("U0TECH");
        var home = awaitHome("U0TECH", view -> !approveButtons(view).isEmpty());

        // Mallory replays the Tech Lead's button as her own click
        requests.clickHomeButton(home, HomeApproveListener.actionId(id, 0), "U0MALLORY", "mallory");

        var told = slack.awaitCall("chat.postMessage", call -> "U0MALLORY".equals(call.param("channel")),
                Duration.ofSeconds(10));
        assertThat(told.param("text")).contains("Only", "U0TECH", "nothing was changed");
        assertThat(decisions()).isEmpty();
        assertThat(signoffEvents()).isEmpty();
    }

    @Test
    void rejectFromHomeOpensTheSameReasonModal() {
        start("v1.2", "signoff-test");
        long id = releaseId("v1.2");
        requests.homeOpened("U0TECH");
        var home = awaitHome("U0TECH", view -> !approveButtons(view).isEmpty());

        requests.clickHomeButton(home, HomeRejectListener.actionId(id, 0), "U0TECH", "tech");
        var modal = slack.awaitCall("views.open", call -> true, Duration.ofSeconds(10)).view();
        requests.viewSubmission(modal, Map.of("reason", Map.of("reason", Map.of("type", "plain_text_input",
                "value", "checkout broken on staging"))), "U0TECH");

        await(() -> decisions().equals(List.of("Tech Lead:REJECTED:U0TECH")), "Tech Lead rejected");
    }

    private long releaseId(String version) {
        return jdbc.sql("SELECT id FROM deployment WHERE release = ?").param(version).query(Long.class).single();
    }

    private Map<String, Object> awaitHome(String user, java.util.function.Predicate<Map<String, Object>> showing) {
        await(() -> slack.homeView(user).filter(showing).isPresent(), "Home of " + user);
        return slack.homeView(user).orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> blocks(Map<String, Object> view) {
        return (List<Map<String, Object>>) view.get("blocks");
    }

    private static List<String> approveButtons(Map<String, Object> view) {
        var ids = new ArrayList<String>();
        for (var block : blocks(view)) {
            for (var element : FakeSlackApi.interactiveElements(block)) {
                String actionId = String.valueOf(element.get("action_id"));
                if (actionId.startsWith(HomeApproveListener.ACTION)) {
                    ids.add(actionId);
                }
            }
        }
        return ids;
    }
}
