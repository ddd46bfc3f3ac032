package preflight.slack.bolt;

import com.slack.api.bolt.App;
import com.slack.api.bolt.socket_mode.SocketModeApp;
import com.slack.api.socket_mode.SocketModeClient;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/** Socket Mode: Slack pushes events over a WebSocket, so no public URL is needed. */
class SocketModeRunner implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SocketModeRunner.class);

    private final App app;
    private final SlackSettings settings;
    private SocketModeApp socketMode;

    SocketModeRunner(App app, SlackSettings settings) {
        this.app = app;
        this.settings = settings;
    }

    /** HTTP mode (no app token): the runner exists but never connects. */
    @Override
    public boolean isAutoStartup() {
        return settings.socketMode();
    }

    @Override
    public void start() {
        try {
            socketMode = new SocketModeApp(settings.appToken(), SocketModeClient.Backend.JavaWebSocket, app);
            socketMode.startAsync();
            log.info("Connected to Slack in Socket Mode");
        } catch (Exception e) {
            throw new IllegalStateException("Could not open the Socket Mode connection: " + e.getMessage(), e);
        }
    }

    @Override
    public void stop() {
        try {
            if (socketMode != null) {
                socketMode.close();
            }
        } catch (Exception e) {
            log.warn("Socket Mode did not close cleanly: {}", e.getMessage());
        } finally {
            socketMode = null;
        }
    }

    @Override
    public boolean isRunning() {
        return socketMode != null;
    }
}
