package preflight.testing;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.asBlocks;
import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.option;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.asElements;
import static com.slack.api.model.block.element.BlockElements.button;
import static com.slack.api.model.block.element.BlockElements.checkboxes;
import static com.slack.api.model.block.element.BlockElements.plainTextInput;
import static com.slack.api.model.view.Views.viewSubmit;
import static com.slack.api.model.view.Views.viewTitle;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.methods.response.chat.ChatUpdateResponse;
import com.slack.api.methods.response.views.ViewsOpenResponse;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.view.View;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FakeSlackApiTest {

    private static final String TOKEN = "xoxb-test-token";
    private static final Duration WAIT = Duration.ofSeconds(5);

    private FakeSlackApi fake;
    private Slack slack;
    private MethodsClient client;

    @BeforeEach
    public void start() {
        fake = FakeSlackApi.start();
        slack = Slack.getInstance(configFor(fake, null));
        client = slack.methods(TOKEN);
    }

    @AfterEach
    public void stop() throws Exception {
        slack.close();
        fake.close();
    }

    public static SlackConfig configFor(FakeSlackApi fake, Integer readTimeoutMillis) {
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(fake.apiUrl());
        config.setHttpClientReadTimeoutMillis(readTimeoutMillis);
        return config;
    }

    private static List<LayoutBlock> checklist(String blockId, String... initiallyTicked) {
        var options = List.of(option(plainText("Backups verified"), "backups"), option(plainText("Migrations applied"), "migrations"));
        var ticked = options.stream().filter(o -> Set.of(initiallyTicked).contains(o.getValue())).toList();
        return asBlocks(
                section(s -> s.blockId("intro").text(markdownText("*Release v1.2*"))),
                actions(a -> a.blockId(blockId).elements(asElements(
                        checkboxes(c -> c.actionId("tick").options(options).initialOptions(ticked.isEmpty() ? null : ticked)),
                        button(b -> b.actionId("sign").text(plainText("Sign off")).value("tech-lead"))))));
    }

    @Test
    public void postMessageThenUpdateKeepsTheCurrentStateOfTheMessage() throws Exception {
        ChatPostMessageResponse posted = client.chatPostMessage(r -> r.channel("C1").text("Release v1.2").blocks(checklist("items-1")));

        assertThat(posted.isOk()).isTrue();
        assertThat(posted.getChannel()).isEqualTo("C1");
        assertThat(posted.getTs()).matches("\\d{10}\\.\\d{6}");
        assertThat(posted.getMessage().getBlocks()).hasSize(2);

        FakeSlackApi.Call call = fake.calls("chat.postMessage").getFirst();
        assertThat(call.authorization()).isEqualTo("Bearer " + TOKEN);
        assertThat(call.rawBody()).contains("blocks=%5B"); // form-encoded, blocks as a JSON string
        assertThat(call.param("channel")).isEqualTo("C1");
        assertThat(call.blocks()).extracting(b -> b.get("block_id")).containsExactly("intro", "items-1");

        ChatUpdateResponse updated = client.chatUpdate(r -> r.channel("C1").ts(posted.getTs()).text("Release v1.2 (1/2)")
                .blocks(checklist("items-2", "backups")));
        assertThat(updated.isOk()).isTrue();

        FakeSlackApi.Message message = fake.message("C1", posted.getTs()).orElseThrow();
        assertThat(message.text()).isEqualTo("Release v1.2 (1/2)");
        assertThat(message.updateCount()).isEqualTo(1);
        assertThat(message.threadTs()).isNull();
        assertThat(message.blocks()).extracting(b -> b.get("block_id")).containsExactly("intro", "items-2");
        @SuppressWarnings("unchecked")
        var elements = (List<Map<String, Object>>) message.blocks().get(1).get("elements");
        assertThat(elements.getFirst().get("initial_options")).asString().contains("backups").doesNotContain("migrations");
        assertThat(fake.messages("C1")).containsExactly(message);
    }

    @Test
    public void updateWithoutBlocksKeepsThemAndUnknownTsIsNotFound() throws Exception {
        String ts = client.chatPostMessage(r -> r.channel("C1").text("one").blocks(checklist("items"))).getTs();

        client.chatUpdate(r -> r.channel("C1").ts(ts).text("two"));
        ChatUpdateResponse missing = client.chatUpdate(r -> r.channel("C1").ts("1.000000").text("three"));

        assertThat(missing.isOk()).isFalse();
        assertThat(missing.getError()).isEqualTo("message_not_found");
        assertThat(fake.failedCalls("chat.update")).hasSize(1);
        FakeSlackApi.Message message = fake.message("C1", ts).orElseThrow();
        assertThat(message.text()).isEqualTo("two");
        assertThat(message.blocks()).hasSize(2);
        assertThat(message.updateCount()).isEqualTo(1);
    }

    @Test
    public void threadRepliesAreKeptInOrderWithPermalinks() throws Exception {
        String root = client.chatPostMessage(r -> r.channel("C1").text("Release v1.2")).getTs();
        String first = client.chatPostMessage(r -> r.channel("C1").threadTs(root).text("checklist")).getTs();
        String second = client.chatPostMessage(r -> r.channel("C1").threadTs(root).text("sign-offs")).getTs();
        client.chatPostMessage(r -> r.channel("C2").text("elsewhere"));

        assertThat(fake.thread("C1", root)).extracting(FakeSlackApi.Message::text).containsExactly("checklist", "sign-offs");
        assertThat(fake.messages("C1")).extracting(FakeSlackApi.Message::ts).containsExactly(root, first, second);
        assertThat(first.compareTo(root)).isPositive();
        assertThat(second.compareTo(first)).isPositive();

        assertThat(client.chatGetPermalink(r -> r.channel("C1").messageTs(root)).getPermalink())
                .isEqualTo("https://fake.slack.com/archives/C1/p" + root.replace(".", ""));
        assertThat(client.chatGetPermalink(r -> r.channel("C1").messageTs(first)).getPermalink())
                .isEqualTo("https://fake.slack.com/archives/C1/p" + first.replace(".", "") + "?thread_ts=" + root + "&cid=C1");
    }

    @Test
    public void ephemeralMessagesAnswerWithTsButAreNotChannelMessages() throws Exception {
        var response = client.chatPostEphemeral(r -> r.channel("C1").user("U1").text("Only you can see this"));

        assertThat(response.isOk()).isTrue();
        assertThat(response.getMessageTs()).isNotBlank();
        assertThat(fake.messages("C1")).isEmpty();
        assertThat(fake.calls("chat.postEphemeral").getFirst().param("user")).isEqualTo("U1");
    }

    @Test
    public void usersAndUserGroups() throws Exception {
        fake.setUser("U1", "alice");
        fake.setUserGroup("S1", "U1", "U2");

        var alice = client.usersInfo(r -> r.user("U1")).getUser();
        assertThat(alice.getName()).isEqualTo("alice");
        assertThat(alice.getRealName()).isEqualTo("alice");
        assertThat(alice.getTz()).isEqualTo("UTC");
        assertThat(alice.getProfile().getDisplayName()).isEqualTo("alice");
        assertThat(client.usersInfo(r -> r.user("U9")).getUser().getName()).isEqualTo("U9");

        assertThat(client.usergroupsUsersList(r -> r.usergroup("S1")).getUsers()).containsExactly("U1", "U2");
        var unknown = client.usergroupsUsersList(r -> r.usergroup("S404"));
        assertThat(unknown.isOk()).isFalse();
        assertThat(unknown.getError()).isEqualTo("no_such_subteam");
    }

    @Test
    public void conversations() throws Exception {
        fake.setChannelMembers("C1", "U1", "U2");

        assertThat(client.conversationsOpen(r -> r.users(List.of("U7"))).getChannel().getId()).isEqualTo("DU7");
        assertThat(fake.calls("conversations.open").getFirst().param("users")).isEqualTo("U7");
        assertThat(client.conversationsMembers(r -> r.channel("C1")).getMembers()).containsExactly("U1", "U2");
        assertThat(client.conversationsMembers(r -> r.channel("C2")).getMembers()).isEmpty();
        assertThat(client.authTest(r -> r).getUserId()).isEqualTo("U0BOT");
    }

    public static View startView(String privateMetadata) {
        return View.builder().type("modal").callbackId("deploy-start").privateMetadata(privateMetadata)
                .title(viewTitle(t -> t.type("plain_text").text("Start a release")))
                .submit(viewSubmit(t -> t.type("plain_text").text("Start")))
                .blocks(asBlocks(input(i -> i.blockId("release").label(plainText("Release"))
                        .element(plainTextInput(p -> p.actionId("name"))))))
                .build();
    }

    @Test
    public void viewsAreOpenedAndUpdatedById() throws Exception {
        View view = startView("C1");

        ViewsOpenResponse opened = client.viewsOpen(r -> r.triggerId("123.456.abc").view(view));

        assertThat(opened.isOk()).isTrue();
        assertThat(opened.getView().getId()).startsWith("V");
        assertThat(opened.getView().getCallbackId()).isEqualTo("deploy-start");
        assertThat(opened.getView().getPrivateMetadata()).isEqualTo("C1");
        FakeSlackApi.Call call = fake.calls("views.open").getFirst();
        assertThat(call.param("view")).startsWith("{"); // the Java SDK sends the view as a JSON form field
        assertThat(call.blocks()).extracting(b -> b.get("block_id")).containsExactly("release");
        assertThat(fake.views()).extracting(v -> v.get("id")).containsExactly(opened.getView().getId());

        var updated = client.viewsUpdate(r -> r.viewId(opened.getView().getId()).hash(opened.getView().getHash())
                .view(startView("C2")));
        assertThat(updated.isOk()).isTrue();
        assertThat(updated.getView().getId()).isEqualTo(opened.getView().getId());
        assertThat(fake.views().getFirst().get("private_metadata")).isEqualTo("C2");

        var stale = client.viewsUpdate(r -> r.viewId(opened.getView().getId()).hash(opened.getView().getHash()).view(view));
        assertThat(stale.getError()).isEqualTo("hash_conflict");
        assertThat(client.viewsOpen(r -> r.view(view)).getError()).isEqualTo("invalid_arguments");
    }

    @Test
    public void rateLimitedAnswerIs429WithRetryAfterAndTheSdkDoesNotRetry() throws Exception {
        fake.failNext("chat.postMessage", FakeSlackApi.Failure.rateLimited(7));

        assertThatThrownBy(() -> client.chatPostMessage(r -> r.channel("C1").text("hello")))
                .isInstanceOfSatisfying(SlackApiException.class, e -> {
                    assertThat(e.getResponse().code()).isEqualTo(429);
                    assertThat(e.getResponse().header("Retry-After")).isEqualTo("7");
                    assertThat(e.getError().getError()).isEqualTo("ratelimited");
                });

        assertThat(fake.calls("chat.postMessage")).hasSize(1);
        assertThat(fake.failedCalls("chat.postMessage")).hasSize(1);
        assertThat(fake.messages("C1")).isEmpty();

        assertThat(client.chatPostMessage(r -> r.channel("C1").text("hello")).isOk()).isTrue();
        assertThat(fake.messages("C1")).hasSize(1);
    }

    @Test
    public void failuresAreQueuedPerMethodAndDoNotChangeMessages() throws Exception {
        String ts = client.chatPostMessage(r -> r.channel("C1").text("v1")).getTs();
        fake.failNext("chat.update", FakeSlackApi.Failure.serverError());
        fake.failNext("chat.update", FakeSlackApi.Failure.error("msg_blocks_too_long"));

        assertThatThrownBy(() -> client.chatUpdate(r -> r.channel("C1").ts(ts).text("v2")))
                .isInstanceOfSatisfying(SlackApiException.class, e -> assertThat(e.getResponse().code()).isEqualTo(500));
        ChatUpdateResponse refused = client.chatUpdate(r -> r.channel("C1").ts(ts).text("v2"));
        assertThat(refused.isOk()).isFalse();
        assertThat(refused.getError()).isEqualTo("msg_blocks_too_long");
        assertThat(fake.message("C1", ts).orElseThrow().text()).isEqualTo("v1");

        assertThat(client.chatUpdate(r -> r.channel("C1").ts(ts).text("v2")).isOk()).isTrue();
        assertThat(fake.message("C1", ts).orElseThrow().updateCount()).isEqualTo(1);
        assertThat(fake.calls("chat.update")).hasSize(3);
        assertThat(fake.failedCalls("chat.update")).hasSize(2);
    }

    @Test
    public void slowResponseTripsTheClientTimeoutButSlackStillDidTheWork() throws Exception {
        fake.failNext("chat.postMessage", FakeSlackApi.Failure.slowResponse(Duration.ofSeconds(3)));
        try (Slack impatient = Slack.getInstance(configFor(fake, 200))) {
            assertThatThrownBy(() -> impatient.methods(TOKEN).chatPostMessage(r -> r.channel("C1").text("hello")))
                    .isInstanceOf(IOException.class);
        }
        assertThat(fake.messages("C1")).hasSize(1);
        assertThat(fake.failedCalls()).isEmpty();
    }

    @Test
    public void unknownMethodsAndMissingTokensAreErrors() throws Exception {
        var reaction = client.reactionsAdd(r -> r.channel("C1").timestamp("1.0").name("white_check_mark"));
        assertThat(reaction.isOk()).isFalse();
        assertThat(reaction.getError()).isEqualTo("unknown_method");

        // Without a token the SDK still sends a header: "Bearer null".
        var tokenless = slack.methods().authTest(r -> r);
        assertThat(tokenless.getError()).isEqualTo("invalid_auth");
        assertThat(fake.calls("auth.test").getFirst().authorization()).isEqualTo("Bearer null");

        HttpResponse<String> anonymous = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(fake.apiUrl() + "auth.test"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.body()).isEqualTo("{\"ok\":false,\"error\":\"not_authed\"}");
        assertThat(fake.calls("auth.test").getLast().authorization()).isNull();

        HttpResponse<String> withTokenParam = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(fake.apiUrl() + "auth.test"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("token=" + TOKEN)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(withTokenParam.body()).startsWith("{\"ok\":true");
    }

    @Test
    public void jsonBodiesAndResponseUrlsAreRecorded() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String json = "{\"channel\":\"C1\",\"text\":\"hi\",\"blocks\":[{\"type\":\"divider\",\"block_id\":\"d\"}]}";
        HttpResponse<String> posted = http.send(HttpRequest.newBuilder(URI.create(fake.apiUrl() + "chat.postMessage"))
                .header("Content-Type", "application/json; charset=utf-8").header("Authorization", "Bearer " + TOKEN)
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(posted.body()).contains("\"ok\":true");
        assertThat(fake.calls("chat.postMessage").getFirst().blocks()).extracting(b -> b.get("type")).containsExactly("divider");
        assertThat(fake.messages("C1").getFirst().blocks()).hasSize(1);

        HttpResponse<String> responded = http.send(HttpRequest.newBuilder(URI.create(fake.responseUrl("r1")))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"text\":\"Started\",\"response_type\":\"ephemeral\"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(responded.body()).isEqualTo("ok");
        HttpResponse<String> broken = http.send(HttpRequest.newBuilder(URI.create(fake.apiUrl() + "chat.postMessage"))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + TOKEN)
                .POST(HttpRequest.BodyPublishers.ofString("{\"channel\":")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(broken.body()).contains("invalid_json");

        FakeSlackApi.Call call = fake.calls(FakeSlackApi.RESPONSE_URL_METHOD).getFirst();
        assertThat(call.param("text")).isEqualTo("Started");
        assertThat(call.param("response_url_id")).isEqualTo("r1");
    }

    @Test
    public void concurrentPostsGetDistinctTimestamps() throws Exception {
        List<Future<String>> posts = new ArrayList<>();
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 40; i++) {
                int n = i;
                posts.add(executor.submit(() -> client.chatPostMessage(r -> r.channel("C1").text("m" + n)).getTs()));
            }
        }
        Set<String> timestamps = posts.stream().map(f -> f.resultNow()).collect(Collectors.toSet());
        assertThat(timestamps).hasSize(40);
        assertThat(fake.messages("C1")).hasSize(40);
        assertThat(fake.calls("chat.postMessage")).hasSize(40);
    }

    @Test
    public void awaitCallWaitsForALateCallAndExplainsATimeout() throws Exception {
        Thread.ofVirtual().start(() -> {
            try {
                Thread.sleep(100);
                client.chatPostMessage(r -> r.channel("C1").text("late"));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });

        FakeSlackApi.Call call = fake.awaitCall("chat.postMessage", c -> "late".equals(c.param("text")), WAIT);
        assertThat(call.param("channel")).isEqualTo("C1");
        fake.awaitCalls("chat.postMessage", 1, WAIT);

        assertThatThrownBy(() -> fake.awaitCall("chat.update", c -> true, Duration.ofMillis(50)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("chat.postMessage")
                .hasMessageContaining("late");
    }

    @Test
    public void resetForgetsEverything() throws Exception {
        fake.setUser("U1", "alice");
        fake.setUserGroup("S1", "U1");
        fake.failNext("auth.test", FakeSlackApi.Failure.serverError());
        client.chatPostMessage(r -> r.channel("C1").text("hello"));

        fake.reset();

        assertThat(fake.calls()).isEmpty();
        assertThat(fake.messages("C1")).isEmpty();
        assertThat(client.authTest(r -> r).isOk()).isTrue();
        assertThat(client.usersInfo(r -> r.user("U1")).getUser().getName()).isEqualTo("U1");
        assertThat(client.usergroupsUsersList(r -> r.usergroup("S1")).isOk()).isFalse();
    }
}
