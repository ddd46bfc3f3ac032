package preflight.slack.home;

import java.util.function.Consumer;

import org.springframework.stereotype.Component;

import preflight.slack.signoff.SignoffButtons;

/** Approve on someone's Home tab: the thread's own decision path; the thread and the Home re-render from it. */
@Component
class HomeApproveListener extends HomeSignoffListener {

    static final String ACTION = "home_signoff_approve";

    private final SignoffButtons buttons;

    HomeApproveListener(SignoffButtons buttons, HomeReplies replies) {
        super(ACTION, replies);
        this.buttons = buttons;
    }

    static String actionId(long releaseId, int roleIndex) {
        return HomeClick.actionId(ACTION, releaseId, roleIndex);
    }

    @Override
    void on(HomeClick click, String triggerId, Consumer<String> reply) {
        buttons.approve(click.releaseId(), click.roleIndex(), click.actor(), reply);
    }
}
