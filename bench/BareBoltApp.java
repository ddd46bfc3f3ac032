import java.util.concurrent.CountDownLatch;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.jakarta_servlet.SlackAppServlet;

import org.apache.catalina.startup.Tomcat;
import org.slf4j.LoggerFactory;

/**
 * The floor of Preflight's stack: the same Bolt app and servlet on the same embedded Tomcat
 * (virtual-thread connector, as Preflight runs it), whose listeners only ack. No Spring, no
 * database. Run by bench/Bench.java:
 * {@code java -cp <classpath> bench/BareBoltApp.java <port>} with SLACK_API_URL, SLACK_BOT_TOKEN
 * and SLACK_SIGNING_SECRET set.
 */
public class BareBoltApp {

    public static void main(String[] args) throws Exception {
        // logback without a configuration logs everything at DEBUG; Preflight logs at INFO
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                .setLevel(ch.qos.logback.classic.Level.INFO);
        var slackConfig = new SlackConfig();
        slackConfig.setMethodsEndpointUrlPrefix(System.getenv("SLACK_API_URL"));
        slackConfig.setPrettyResponseLoggingEnabled(false);
        var app = new App(AppConfig.builder()
                .slack(Slack.getInstance(slackConfig))
                .singleTeamBotToken(System.getenv("SLACK_BOT_TOKEN"))
                .signingSecret(System.getenv("SLACK_SIGNING_SECRET"))
                .build());
        app.command("/deploy", (request, context) -> context.ack("ok"));
        app.blockAction("checklist_tick", (request, context) -> context.ack());

        var tomcat = new Tomcat();
        tomcat.setBaseDir(System.getProperty("java.io.tmpdir") + "/bare-bolt-tomcat");
        tomcat.setPort(Integer.parseInt(args[0]));
        tomcat.getConnector().setProperty("address", "127.0.0.1");
        tomcat.getConnector().setProperty("useVirtualThreads", "true");
        var context = tomcat.addContext("", null);
        Tomcat.addServlet(context, "slack", new SlackAppServlet(app));
        context.addServletMappingDecoded("/slack/events", "slack");
        tomcat.start();
        System.out.println("BARE_BOLT ready on " + args[0]);
        System.out.flush();
        new CountDownLatch(1).await();
    }
}
