package preflight.slack.signoff;

import java.util.concurrent.Executor;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import preflight.approval.Outcome;
import preflight.approval.SignoffService;
import preflight.slack.bolt.ClickReplies;
import preflight.slack.outbox.Outbox;

/**
 * Withdraw on the sign-off message: the person who approved (or rejected) a role takes it back
 * while the release is in progress.
 */
@Component
class WithdrawButtonListener extends SignoffDecisionListener {

    private final SignoffService signoffs;

    WithdrawButtonListener(SignoffService signoffs, Outbox outbox, ClickReplies replies,
                           @Qualifier("slackWork") Executor slackWork) {
        super(SignoffMessageRenderer.WITHDRAW, outbox, replies, slackWork);
        this.signoffs = signoffs;
    }

    @Override
    Outcome decide(SignoffClick click) {
        return signoffs.withdraw(click.releaseId(), click.roleIndex(), click.actor());
    }
}
