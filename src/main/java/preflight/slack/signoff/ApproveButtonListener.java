package preflight.slack.signoff;

import java.util.concurrent.Executor;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import preflight.approval.Outcome;
import preflight.approval.SignoffService;
import preflight.slack.bolt.ClickReplies;
import preflight.slack.outbox.Outbox;

/** Approve on the sign-off message. */
@Component
class ApproveButtonListener extends SignoffDecisionListener {

    private final SignoffService signoffs;

    ApproveButtonListener(SignoffService signoffs, Outbox outbox, ClickReplies replies,
                          @Qualifier("slackWork") Executor slackWork) {
        super(SignoffMessageRenderer.APPROVE, outbox, replies, slackWork);
        this.signoffs = signoffs;
    }

    @Override
    Outcome decide(SignoffClick click) {
        return signoffs.approve(click.releaseId(), click.roleIndex(), click.actor());
    }
}
