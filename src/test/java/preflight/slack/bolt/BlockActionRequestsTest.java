package preflight.slack.bolt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import com.google.gson.JsonParseException;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.request.builtin.BlockActionRequest;

import org.junit.jupiter.api.Test;

class BlockActionRequestsTest {

    private static final String CLICK = """
            {"type":"block_actions","user":{"id":"U0ALICE","username":"alice","name":"alice","team_id":"T0TEAM"},
             "api_app_id":"A0APP","token":"verification","trigger_id":"1337.42.abcdef",
             "container":{"type":"message","message_ts":"1700000000.000200","channel_id":"C0REL","is_ephemeral":false},
             "team":{"id":"T0TEAM","domain":"acme","enterprise_id":"E0ACME"},
             "enterprise":null,"is_enterprise_install":false,
             "channel":{"id":"C0REL","name":"releases"},
             "message":{"type":"message","ts":"1700000000.000200","bot_id":"B0BOT","text":"Checklist",
               "blocks":[{"type":"section","block_id":"s1","text":{"type":"mrkdwn","text":"*Before deploy*"}},
                         {"type":"actions","block_id":"items-0","elements":[{"type":"checkboxes","action_id":"tick:0",
                           "options":[{"text":{"type":"mrkdwn","text":"Backups taken"},"value":"backups"},
                                      {"text":{"type":"mrkdwn","text":"Tests green"},"value":"tests"}],
                           "initial_options":[{"text":{"type":"mrkdwn","text":"Tests green"},"value":"tests"}]}]}]},
             "state":{"values":{}},
             "response_url":"https://hooks.slack.com/actions/T0TEAM/1/xyz",
             "actions":[{"type":"checkboxes","action_id":"tick:0","block_id":"items-0",
               "selected_options":[{"text":{"type":"mrkdwn","text":"Backups taken"},"value":"backups"},
                                   {"text":{"type":"mrkdwn","text":"Tests green"},"value":"tests"}],
               "action_ts":"1700000001.000300"}]}""";

    private final AppConfig config = AppConfig.builder().singleTeamBotToken("xoxb-test").signingSecret("s").build();
    private final BlockActionRequests requests = new BlockActionRequests(config);
    private final RequestHeaders headers = new RequestHeaders(Map.of("X-Slack-Request-Timestamp", List.of("1700000001")));

    @Test
    void buildsTheRequestBoltWouldBuild() {
        String body = form(CLICK);
        var bolt = new BlockActionRequest(body, CLICK, headers);
        bolt.updateContext(config);

        var ours = requests.parse(body, headers, "10.0.0.7");

        assertThat(ours).isNotNull();
        assertThat(ours.getPayload()).isEqualTo(bolt.getPayload());
        assertThat(ours.getPayload().getActions().getFirst().getSelectedOptions()).hasSize(2);
        assertThat(ours.getContext()).usingRecursiveComparison().ignoringFields("slack").isEqualTo(bolt.getContext());
        assertThat(ours.getContext().getTeamId()).isEqualTo("T0TEAM");
        assertThat(ours.getContext().getEnterpriseId()).isEqualTo("E0ACME");
        assertThat(ours.getContext().getRequestUserId()).isEqualTo("U0ALICE");
        assertThat(ours.getContext().getTriggerId()).isEqualTo("1337.42.abcdef");
        assertThat(ours.getContext().getBotToken()).isEqualTo("xoxb-test");
        assertThat(ours.getResponseUrl()).isEqualTo("https://hooks.slack.com/actions/T0TEAM/1/xyz");
        assertThat(ours.getRequestBodyAsString()).isEqualTo(body);
        assertThat(ours.getClientIpAddress()).isEqualTo("10.0.0.7");
    }

    @Test
    void aForwardedClientAddressWinsAsInBolt() {
        var forwarded = new RequestHeaders(Map.of("X-Forwarded-For", List.of("203.0.113.9")));

        assertThat(requests.parse(form(CLICK), forwarded, "10.0.0.7").getClientIpAddress()).isEqualTo("203.0.113.9");
    }

    @Test
    void leavesOtherRequestsToBolt() {
        assertThat(requests.parse(form("{\"type\":\"view_submission\",\"view\":{\"type\":\"modal\"}}"), headers, "::1"))
                .isNull();
        assertThat(requests.parse("command=%2Fdeploy&text=start+v1&user_id=U0ALICE", headers, "::1")).isNull();
        assertThat(requests.parse(form("{\"view\":{}}"), headers, "::1")).isNull();
    }

    @Test
    void malformedJsonIsRefused() {
        assertThatThrownBy(() -> requests.parse(form("{\"type\":\"block_actions\",\"user\":"), headers, "::1"))
                .isInstanceOf(JsonParseException.class);
    }

    private static String form(String payload) {
        return "payload=" + URLEncoder.encode(payload, StandardCharsets.UTF_8);
    }
}
