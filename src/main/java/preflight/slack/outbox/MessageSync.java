package preflight.slack.outbox;

import preflight.slack.release.ChannelAccessNotice;
import preflight.slack.checklist.ChecklistMessageRenderer;
import preflight.slack.text.DurationText;
import preflight.slack.probe.ProbeRunMessageRenderer;
import preflight.slack.release.ReleaseCardRenderer;
import preflight.slack.lifecycle.ReminderMessageRenderer;
import preflight.slack.signoff.SignoffMessageRenderer;
import preflight.slack.signoff.SignoffNudgeRenderer;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import preflight.deployment.Release;
import preflight.deployment.ReleaseService;
import preflight.deployment.ReleaseLifecycle;
import preflight.reminder.ReminderScheduler;

/**
 * Brings Slack messages up to date with the database, off the request threads. It works from
 * the outbox ({@link MessageViews}) only, so a restart, a crash or another instance picks up
 * whatever is still stale.
 */
@Component
public class MessageSync implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(MessageSync.class);

    private final MessageViews views;
    private final ReleaseService deployments;
    private final ReleaseCardRenderer cards;
    private final ChecklistMessageRenderer checklists;
    private final ReminderMessageRenderer reminders;
    private final ReleaseLifecycle lifecycle;
    private final ReminderScheduler reminderScheduler;
    private final ProbeRunMessageRenderer probeRuns;
    private final SignoffMessageRenderer signoffs;
    private final EarlierPosts earlierPosts;
    private final MethodsClient slack;
    private final MessageSyncSettings settings;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Semaphore wake = new Semaphore(0);
    private volatile boolean running;
    private Thread worker;

    MessageSync(MessageViews views, ReleaseService deployments, ReleaseCardRenderer cards,
                ChecklistMessageRenderer checklists, ProbeRunMessageRenderer probeRuns,
                SignoffMessageRenderer signoffs, ReminderMessageRenderer reminders, ReleaseLifecycle lifecycle,
                ReminderScheduler reminderScheduler, EarlierPosts earlierPosts, MethodsClient slack,
                MessageSyncSettings settings, TransactionTemplate tx, Clock clock) {
        this.earlierPosts = earlierPosts;
        this.probeRuns = probeRuns;
        this.signoffs = signoffs;
        this.reminders = reminders;
        this.lifecycle = lifecycle;
        this.reminderScheduler = reminderScheduler;
        this.views = views;
        this.deployments = deployments;
        this.cards = cards;
        this.checklists = checklists;
        this.slack = slack;
        this.settings = settings;
        this.tx = tx;
        this.clock = clock;
    }

    public void wakeUp() {
        wake.release();
    }

    @Override
    public synchronized void start() {
        running = true;
        // one long-lived loop: a platform thread of its own, so that its CPU shows apart from the
        // request threads' (bench/ reports it per /deploy start)
        worker = Thread.ofPlatform().name("message-sync").daemon(true).start(this::run);
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (worker != null) {
            worker.interrupt();
            worker = null;
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void run() {
        while (running) {
            int synced = 0;
            long roundStarted = System.nanoTime();
            try {
                synced = syncDue();
            } catch (RuntimeException e) {
                log.warn("Message sync round failed, will retry: {}", e.toString());
            }
            if (synced == 0) {
                try {
                    if (wake.tryAcquire(settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS)) {
                        // woken again soon after an idle round: a burst of clicks is under way, and
                        // the rest of it joins the next round instead of costing one round each
                        long gather = settings.gatherDelay().toNanos() - (System.nanoTime() - roundStarted);
                        if (gather > 0) {
                            TimeUnit.NANOSECONDS.sleep(gather);
                        }
                    }
                    wake.drainPermits();
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    /** @return how many messages were claimed in this round */
    int syncDue() {
        var due = views.claim(settings.batchSize(), settings.minUpdateInterval(), settings.lease());
        for (int i = 0; i < due.size(); i++) {
            if (!sync(due.get(i))) {
                // throttled: the rest of this batch waits for Retry-After like every other message
                due.subList(i + 1, due.size()).forEach(views::release);
                break;
            }
        }
        return due.size();
    }

    /** @return false when Slack throttled us (429): nothing more may be sent until Retry-After */
    private boolean sync(MessageView view) {
        var deployment = deployments.find(view.releaseId()).orElseThrow();
        String threadTs = view.kind().inThread() ? deployment.threadTs() : null;
        try {
            if (view.ts() == null && view.postUnansweredAt() != null) {
                var earlier = earlierPosts.find(view, threadTs);
                if (earlier.isPresent()) {
                    adopt(view, deployment, earlier.get());
                    return true;
                }
            }
            var message = render(view, deployment);
            SlackApiTextResponse response;
            if (view.ts() == null) {
                var posted = slack.chatPostMessage(r -> r.channel(view.channelId()).threadTs(threadTs)
                        .metadata(EarlierPosts.metadata(view))
                        .text(message.text()).blocks(message.blocks()).unfurlLinks(false).unfurlMedia(false));
                response = posted;
                if (posted.isOk()) {
                    recordPost(view, deployment, posted.getChannel() != null ? posted.getChannel() : view.channelId(),
                            posted.getTs());
                }
            } else {
                response = slack.chatUpdate(r -> r.channel(view.channelId()).ts(view.ts())
                        .metadata(EarlierPosts.metadata(view))
                        .text(message.text()).blocks(message.blocks()));
                if (response.isOk()) {
                    views.synced(view, view.channelId(), view.ts());
                }
            }
            if (!response.isOk()) {
                if (view.kind() == MessageView.Kind.CARD && view.ts() == null
                        && ChannelAccessNotice.CHANNEL_ERRORS.contains(response.getError())) {
                    views.appendOnce(view.releaseId(), MessageView.Kind.CHANNEL_ACCESS_DM, deployment.startedBy(),
                            response.getError());
                }
                failed(view, response.getError(), null);
            }
        } catch (SlackApiException e) {
            if (e.getResponse().code() >= 500) {
                mayHavePosted(view);
            }
            var retryAfter = retryAfter(e);
            failed(view, e.getError() != null ? e.getError().getError() : "HTTP " + e.getResponse().code(),
                    retryAfter);
            return retryAfter == null;
        } catch (IOException e) { // a timeout or a dropped connection
            mayHavePosted(view);
            failed(view, e.getClass().getSimpleName() + ": " + e.getMessage(), null);
        } catch (RuntimeException e) {
            failed(view, e.getClass().getSimpleName() + ": " + e.getMessage(), null);
        }
        return true;
    }

    /** No answer to a post does not mean Slack did not make it: the next attempt looks first. */
    private void mayHavePosted(MessageView view) {
        if (view.ts() == null) {
            views.postUnanswered(view);
        }
    }

    /** An earlier attempt did post the message: record it (the card also as the release's thread). */
    private void adopt(MessageView view, Release deployment, EarlierPosts.Found found) {
        tx.executeWithoutResult(status -> {
            if (view.kind() == MessageView.Kind.CARD) {
                deployments.attachThread(deployment.id(), found.ts());
            }
            views.adopted(view, found.channelId(), found.ts());
        });
    }

    /**
     * A message Slack has accepted must be recorded, or it would be posted again. Rows are
     * locked in the order every other transaction uses (deployment, then its views), and a
     * transient database failure is retried.
     */
    private void recordPost(MessageView view, Release deployment, String channel, String ts) {
        for (int attempt = 1; ; attempt++) {
            try {
                tx.executeWithoutResult(status -> {
                    if (view.kind() == MessageView.Kind.CARD) {
                        deployments.attachThread(deployment.id(), ts);
                    }
                    views.synced(view, channel, ts);
                });
                return;
            } catch (TransientDataAccessException e) {
                if (attempt == 5) {
                    throw e;
                }
                log.info("Recording message {} of deployment {} failed ({}), retrying", view.seq(),
                        view.releaseId(), e.getClass().getSimpleName());
            }
        }
    }

    private RenderedMessage render(MessageView view, Release deployment) {
        return switch (view.kind()) {
            case CARD -> cards.render(deployment, deployments.progressOf(deployment));
            case CHECKLIST -> checklists.render(deployment, deployments.checklistOf(deployment),
                    view.firstItem(), view.endItem(), deployments.ticksOf(deployment.id()));
            case REMINDER, REMINDER_DM -> reminders.render(deployment, deployments.checklistOf(deployment),
                    deployments.ticksOf(deployment.id()), view.subject(), lifecycle.oncall(deployment),
                    view.kind() == MessageView.Kind.REMINDER_DM,
                    "⏰ Snooze " + DurationText.of(reminderScheduler.snoozeDuration()));
            case PROBE_RUN -> probeRuns.render(deployment, view.firstItem());
            case SIGNOFF_NUDGE_DM -> SignoffNudgeRenderer.render(deployment, view.subject());
            case CHANNEL_ACCESS_DM -> ChannelAccessNotice.render(deployment);
            case SIGNOFF -> signoffs.render(deployment);
        };
    }

    private void failed(MessageView view, String error, Duration retryAfter) {
        var now = clock.instant();
        if (retryAfter != null) {
            log.info("Slack asked us to wait {} s (message {} of deployment {})", retryAfter.toSeconds(),
                    view.seq(), view.releaseId());
            views.pauseAll(now.plus(retryAfter));
            views.postpone(view, now.plus(retryAfter), error);
            return;
        }
        int attempts = views.attempts(view.id()) + 1;
        var backoff = Duration.ofSeconds(Math.min(300, 1L << Math.min(attempts, 9)));
        if (attempts >= settings.maxAttempts()) {
            log.warn("Giving up on message {} of deployment {} after {} attempts: {}", view.seq(),
                    view.releaseId(), attempts, error);
            backoff = Duration.ofDays(3650);
        } else {
            log.warn("Slack call for message {} of deployment {} failed ({}), retrying in {} s", view.seq(),
                    view.releaseId(), error, backoff.toSeconds());
        }
        views.failed(view, now.plus(backoff), error);
    }

    private static Duration retryAfter(SlackApiException e) {
        if (e.getResponse().code() != 429) {
            return null;
        }
        String header = e.getResponse().header("Retry-After");
        try {
            return Duration.ofSeconds(header == null ? 1 : Math.max(1, Long.parseLong(header.trim())));
        } catch (NumberFormatException notSeconds) {
            return Duration.ofSeconds(30);
        }
    }
}
