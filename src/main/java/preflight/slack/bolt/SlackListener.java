package preflight.slack.bolt;

import com.slack.api.bolt.App;

/** One Slack listener (command, action, view); each registers itself on the Bolt app. */
public interface SlackListener {

    void register(App app);
}
