package preflight.slack.home;

import java.util.function.Consumer;

import org.springframework.stereotype.Component;

import preflight.deployment.ReleaseService;
import preflight.slack.signoff.SignoffButtons;

/** Reject… on someone's Home tab: the thread's reject modal, checked and recorded the same way. */
@Component
class HomeRejectListener extends HomeSignoffListener {

    static final String ACTION = "home_signoff_reject";

    private final SignoffButtons buttons;
    private final ReleaseService releases;

    HomeRejectListener(SignoffButtons buttons, ReleaseService releases, HomeReplies replies) {
        super(ACTION, replies);
        this.buttons = buttons;
        this.releases = releases;
    }

    static String actionId(long releaseId, int roleIndex) {
        return HomeClick.actionId(ACTION, releaseId, roleIndex);
    }

    @Override
    void on(HomeClick click, String triggerId, Consumer<String> reply) {
        releases.find(click.releaseId()).ifPresent(release -> buttons.askRejectReason(triggerId, click.releaseId(),
                click.roleIndex(), release.channelId(), click.actor(), reply));
    }
}
