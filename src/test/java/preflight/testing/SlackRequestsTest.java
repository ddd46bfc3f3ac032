package preflight.testing;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.asBlocks;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.option;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.asElements;
import static com.slack.api.model.block.element.BlockElements.button;
import static com.slack.api.model.block.element.BlockElements.checkboxes;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

import com.slack.api.Slack;
import com.slack.api.app_backend.SlackSignature;
import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.app_backend.views.payload.ViewSubmissionPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.util.SlackRequestParser;
import com.slack.api.util.json.GsonFactory;
import com.sun.net.httpserver.HttpServer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Sends SlackRequests to a real Bolt App (signature check, payload parsing, routing) served by a JDK HttpServer. */
class SlackRequestsTest {

    private static final String SECRET = "test-signing-secret";
    private static final Duration WAIT = Duration.ofSeconds(5);

    private FakeSlackApi fake;
    private Slack slack;
    private HttpServer server;
    private SlackRequests requests;
    private final List<String> receivedBodies = new CopyOnWriteArrayList<>();
    private final List<Object> handled = new CopyOnWriteArrayList<>();

    @BeforeEach
    public void start() throws Exception {
        fake = FakeSlackApi.start();
        slack = Slack.getInstance(FakeSlackApiTest.configFor(fake, null));
        App app = new App(AppConfig.builder().singleTeamBotToken("xoxb-bolt").signingSecret(SECRET).slack(slack).build());
        app.command("/deploy", (req, ctx) -> {
            handled.add(req.getPayload());
            ctx.respond("Checklist coming up");
            return ctx.ack("Starting " + req.getPayload().getText());
        });
        app.blockAction("tick", (req, ctx) -> {
            handled.add(req.getPayload());
            return ctx.ack();
        });
        app.blockAction("sign", (req, ctx) -> {
            handled.add(req.getPayload());
            return ctx.ack();
        });
        app.viewSubmission("deploy-start", (req, ctx) -> {
            handled.add(req.getPayload());
            return ctx.ack();
        });
        app.start();
        server = serve(app);
        requests = new SlackRequests("http://localhost:" + server.getAddress().getPort() + "/", SECRET, fake);
    }

    @AfterEach
    public void stop() throws Exception {
        server.stop(0);
        slack.close();
        fake.close();
    }

    // The part of a Bolt HTTP adapter that matters here: raw body and headers in, Bolt's response out.
    private HttpServer serve(App app) throws Exception {
        SlackRequestParser parser = new SlackRequestParser(app.config());
        HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        http.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        http.createContext("/slack/events", exchange -> {
            try {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                receivedBodies.add(body);
                Map<String, List<String>> headers = new HashMap<>();
                exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values));
                Request<?> request = parser.parse(SlackRequestParser.HttpRequest.builder()
                        .requestUri(exchange.getRequestURI().getPath()).queryString(Map.of()).requestBody(body)
                        .headers(new RequestHeaders(headers)).remoteAddress("127.0.0.1").build());
                com.slack.api.bolt.response.Response response = request == null
                        ? com.slack.api.bolt.response.Response.error(400) : app.run(request);
                byte[] bytes = response.getBody() == null ? new byte[0] : response.getBody().getBytes(StandardCharsets.UTF_8);
                if (response.getContentType() != null) {
                    exchange.getResponseHeaders().set("Content-Type", response.getContentType());
                }
                exchange.sendResponseHeaders(response.getStatusCode(), bytes.length == 0 ? -1 : bytes.length);
                exchange.getResponseBody().write(bytes);
            } catch (Exception e) {
                e.printStackTrace(); // shows in target/surefire-reports/*-output.txt
                exchange.sendResponseHeaders(500, -1);
            } finally {
                exchange.close();
            }
        });
        http.start();
        return http;
    }

    private FakeSlackApi.Message postChecklist() throws Exception {
        var options = List.of(option(plainText("Backups verified"), "backups"), option(plainText("Migrations applied"), "migrations"),
                option(plainText("Feature flags set"), "flags"));
        var blocks = asBlocks(
                section(s -> s.blockId("intro").text(markdownText("*Release v1.2*"))),
                actions(a -> a.blockId("items-1").elements(asElements(
                        checkboxes(c -> c.actionId("tick").options(options).initialOptions(List.of(options.get(1))))))),
                section(s -> s.blockId("signoff").text(markdownText("Tech Lead"))
                        .accessory(button(b -> b.actionId("sign").text(plainText("Sign off")).value("tech-lead").style("primary")))));
        var methods = slack.methods("xoxb-bolt");
        String root = methods.chatPostMessage(r -> r.channel("C1").text("Release v1.2")).getTs();
        String ts = methods.chatPostMessage(r -> r.channel("C1").threadTs(root).text("Checklist").blocks(blocks)).getTs();
        return fake.message("C1", ts).orElseThrow();
    }

    @Test
    public void slashCommandIsVerifiedParsedAndAcked() {
        SlackRequests.Response response = requests.command("C1", "U1", "alice", "start v1.2");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json("text")).isEqualTo("Starting start v1.2");
        SlashCommandPayload payload = (SlashCommandPayload) handled.getFirst();
        assertThat(payload.getCommand()).isEqualTo("/deploy");
        assertThat(payload.getChannelId()).isEqualTo("C1");
        assertThat(payload.getChannelName()).isEqualTo("c1");
        assertThat(payload.getUserId()).isEqualTo("U1");
        assertThat(payload.getUserName()).isEqualTo("alice");
        assertThat(payload.getTeamId()).isEqualTo(FakeSlackApi.TEAM_ID);
        assertThat(payload.getApiAppId()).isEqualTo(FakeSlackApi.APP_ID);
        assertThat(payload.getTriggerId()).matches("\\d+\\.\\d+\\.[0-9a-f]{32}");
        assertThat(payload.getResponseUrl()).startsWith(fake.responseUrl(""));

        FakeSlackApi.Call responded = fake.awaitCall(FakeSlackApi.RESPONSE_URL_METHOD, c -> true, WAIT);
        assertThat(responded.param("text")).isEqualTo("Checklist coming up");
        assertThat(payload.getResponseUrl()).endsWith(responded.param("response_url_id"));
        assertThat(fake.calls("auth.test")).isNotEmpty(); // Bolt's single-team authorization asked the fake
    }

    @Test
    public void togglingACheckboxSendsTheWholeNewSelection() throws Exception {
        FakeSlackApi.Message message = postChecklist();

        assertThat(requests.toggleCheckbox(message, "flags", "U2", "bob").status()).isEqualTo(200);
        assertThat(requests.toggleCheckbox(message, "migrations", "U2", "bob").status()).isEqualTo(200);

        BlockActionPayload ticked = (BlockActionPayload) handled.get(0);
        BlockActionPayload.Action action = ticked.getActions().getFirst();
        assertThat(action.getType()).isEqualTo("checkboxes");
        assertThat(action.getActionId()).isEqualTo("tick");
        assertThat(action.getBlockId()).isEqualTo("items-1");
        assertThat(action.getSelectedOptions()).extracting(BlockActionPayload.Action.SelectedOption::getValue)
                .containsExactly("migrations", "flags");
        assertThat(ticked.getUser().getId()).isEqualTo("U2");
        assertThat(ticked.getUser().getUsername()).isEqualTo("bob");
        assertThat(ticked.getContainer().getMessageTs()).isEqualTo(message.ts());
        assertThat(ticked.getContainer().getChannelId()).isEqualTo("C1");
        assertThat(ticked.getChannel().getId()).isEqualTo("C1");
        assertThat(ticked.getMessage().getThreadTs()).isEqualTo(message.threadTs());
        assertThat(ticked.getMessage().getBlocks()).hasSize(3);
        assertThat(ticked.getResponseUrl()).startsWith(fake.responseUrl(""));

        // Slack sends the selection relative to what the message shows, and the message was not updated.
        BlockActionPayload unticked = (BlockActionPayload) handled.get(1);
        assertThat(unticked.getActions().getFirst().getSelectedOptions()).isEmpty();
    }

    @Test
    public void clickingAButtonSendsItsValue() throws Exception {
        FakeSlackApi.Message message = postChecklist();

        assertThat(requests.clickButton(message, "sign", "U3", "carol").status()).isEqualTo(200);

        BlockActionPayload clicked = (BlockActionPayload) handled.getFirst();
        BlockActionPayload.Action action = clicked.getActions().getFirst();
        assertThat(action.getType()).isEqualTo("button");
        assertThat(action.getValue()).isEqualTo("tech-lead");
        assertThat(action.getBlockId()).isEqualTo("signoff");
        assertThat(action.getText().getText()).isEqualTo("Sign off");
        assertThat(clicked.getTriggerId()).isNotBlank();
    }

    @Test
    public void rawBlockActionPayloadParsesAsBoltsBlockActionPayload() throws Exception {
        FakeSlackApi.Message message = postChecklist();
        requests.toggleCheckbox(message, "backups", "U2", "bob");

        String body = receivedBodies.getLast();
        assertThat(body).startsWith("payload=");
        String json = URLDecoder.decode(body.substring("payload=".length()), StandardCharsets.UTF_8);
        BlockActionPayload payload = GsonFactory.createSnakeCase().fromJson(json, BlockActionPayload.class);
        assertThat(payload.getType()).isEqualTo("block_actions");
        assertThat(payload.getTeam().getId()).isEqualTo(FakeSlackApi.TEAM_ID);
        assertThat(payload.getContainer().getType()).isEqualTo("message");
        assertThat(payload.getContainer().isEphemeral()).isFalse();
        assertThat(payload.getContainer().getThreadTs()).isEqualTo(message.threadTs());
        assertThat(payload.getActions().getFirst().getSelectedOptions()).extracting(o -> o.getValue())
                .containsExactly("backups", "migrations");

        assertThat(requests.blockActionPayload(json).status()).isEqualTo(200);
        assertThat(handled).hasSize(2);
    }

    @Test
    public void viewSubmissionCarriesStateAndPrivateMetadata() throws Exception {
        slack.methods("xoxb-bolt").viewsOpen(r -> r.triggerId("1.2.abc").view(FakeSlackApiTest.startView("C1|1700000000.000100")));
        Map<String, Object> view = fake.views().getFirst();

        SlackRequests.Response response = requests.viewSubmission(view,
                Map.of("release", Map.of("name", Map.of("type", "plain_text_input", "value", "v1.2"))), "U1");

        assertThat(response.status()).isEqualTo(200);
        ViewSubmissionPayload payload = (ViewSubmissionPayload) handled.getFirst();
        assertThat(payload.getView().getId()).isEqualTo(view.get("id"));
        assertThat(payload.getView().getCallbackId()).isEqualTo("deploy-start");
        assertThat(payload.getView().getPrivateMetadata()).isEqualTo("C1|1700000000.000100");
        assertThat(payload.getView().getState().getValues().get("release").get("name").getValue()).isEqualTo("v1.2");
        assertThat(payload.getUser().getId()).isEqualTo("U1");
    }

    @Test
    public void signaturesVerifyWithSlacksVerifier() {
        String body = "token=x&command=%2Fdeploy";
        long now = Instant.now().getEpochSecond();
        Map<String, String> headers = requests.signatureHeaders(body, now);

        var verifier = new SlackSignature.Verifier(new SlackSignature.Generator(SECRET));
        assertThat(headers.get(SlackSignature.HeaderNames.X_SLACK_SIGNATURE)).startsWith("v0=");
        assertThat(verifier.isValid(headers.get(SlackSignature.HeaderNames.X_SLACK_REQUEST_TIMESTAMP), body,
                headers.get(SlackSignature.HeaderNames.X_SLACK_SIGNATURE))).isTrue();
        assertThat(verifier.isValid(String.valueOf(now), body + "&x=1", headers.get(SlackSignature.HeaderNames.X_SLACK_SIGNATURE))).isFalse();
    }

    @Test
    public void forgedStaleAndUnsignedRequestsAreRejected() {
        String body = "token=x&team_id=T0FAKE&channel_id=C1&user_id=U1&user_name=alice&command=%2Fdeploy&text=start&response_url="
                + URLEncoder.encode(fake.responseUrl("r1"), StandardCharsets.UTF_8);
        long now = Instant.now().getEpochSecond();
        var forged = new SlackRequests("http://localhost:" + server.getAddress().getPort(), "wrong-secret", fake);

        assertThat(requests.post(SlackRequests.FORM, body, forged.signatureHeaders(body, now)).status()).isEqualTo(401);
        assertThat(requests.post(SlackRequests.FORM, body, requests.signatureHeaders(body, now - 600)).status()).isEqualTo(401);
        assertThat(requests.post(SlackRequests.FORM, body, Map.of()).status()).isEqualTo(401);
        assertThat(requests.post(SlackRequests.FORM, body, requests.signatureHeaders(body, now)).status()).isEqualTo(200);
        assertThat(handled).hasSize(1);
    }
}
