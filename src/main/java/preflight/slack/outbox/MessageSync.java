package preflight.slack.outbox;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.methods.request.chat.ChatPostMessageRequest;
import com.slack.api.methods.request.chat.ChatUpdateRequest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Component;

import preflight.slack.bolt.SlackChat;

/**
 * Brings Slack messages up to date with the database, off the request threads. It works from
 * the outbox ({@link Outbox}) only, so a restart, a crash or another instance picks up whatever is
 * still stale, and it knows no feature: each kind of message is rendered by its
 * {@link MessageRenderer}. The messages of one round are delivered per channel, the channels in
 * parallel: a channel Slack throttles waits alone, and a thread's messages stay in order. Its
 * length is the failure handling Slack needs (lost answers, 429s per method and channel, permanent
 * refusals, a graceful hand-over), which only makes sense next to the loop it protects.
 */
@Component
public class MessageSync implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(MessageSync.class);

    private final Outbox outbox;
    private final Map<MessageKind, MessageRenderer> renderers = new EnumMap<>(MessageKind.class);
    private final EarlierPosts earlierPosts;
    private final SlackChat slack;
    private final MessageSyncSettings settings;
    private final Clock clock;
    private final Semaphore wake = new Semaphore(0);
    /** Claimed by this instance and not yet delivered: given back when the instance stops. */
    private final Set<Long> held = ConcurrentHashMap.newKeySet();
    /** Posts whose chat.postMessage is in flight: Slack may make them although we stop waiting. */
    private final Set<Long> posting = ConcurrentHashMap.newKeySet();
    private volatile boolean running;
    private Thread worker;
    private ExecutorService channels;

    MessageSync(Outbox outbox, List<MessageRenderer> renderers, EarlierPosts earlierPosts, SlackChat slack,
                MessageSyncSettings settings, Clock clock) {
        for (var renderer : renderers) {
            if (this.renderers.put(renderer.kind(), renderer) != null) {
                throw new IllegalStateException("Two renderers for " + renderer.kind());
            }
        }
        for (var kind : MessageKind.values()) {
            if (!this.renderers.containsKey(kind)) {
                throw new IllegalStateException("No renderer for " + kind);
            }
        }
        this.outbox = outbox;
        this.earlierPosts = earlierPosts;
        this.slack = slack;
        this.settings = settings;
        this.clock = clock;
    }

    public void wakeUp() {
        wake.release();
    }

    @Override
    public synchronized void start() {
        outbox.retryStopped();
        running = true;
        channels = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("message-sync-", 0).factory());
        // one long-lived loop: a platform thread of its own, so that its CPU shows apart from the
        // request threads' (bench/ reports it per /deploy start)
        worker = Thread.ofPlatform().name("message-sync").daemon(true).start(this::run);
    }

    /**
     * Stops claiming, lets calls in flight finish for {@code shutdownGrace}, then gives back every
     * message this instance still holds, so another instance delivers them at once instead of after
     * the lease. A post abandoned in flight is marked unanswered: whoever takes it looks in Slack first.
     */
    @Override
    public void stop() {
        Thread stopping;
        ExecutorService deliveries;
        synchronized (this) {
            running = false;
            stopping = worker;
            deliveries = channels;
            worker = null;
        }
        if (stopping == null) {
            return;
        }
        wake.release();
        try {
            stopping.join(settings.shutdownGrace());
            if (stopping.isAlive()) {
                deliveries.shutdownNow();
                stopping.interrupt();
                stopping.join(Duration.ofSeconds(1));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        deliveries.shutdownNow();
        var unanswered = List.copyOf(posting);
        var claimed = List.copyOf(held);
        if (!claimed.isEmpty()) {
            outbox.abandon(claimed, unanswered);
            log.info("Stopping: gave back {} Slack message(s) to the other instances", claimed.size());
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
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                log.warn("Message sync round failed, will retry: {}", e.toString());
            }
            if (synced == 0) {
                try {
                    if (wake.tryAcquire(settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS)) {
                        // woken again soon after an idle round: a burst of clicks is under way, and
                        // the rest of it joins the next round instead of costing one round each
                        long gather = settings.gatherDelay().toNanos() - (System.nanoTime() - roundStarted);
                        if (gather > 0 && running) {
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
    int syncDue() throws InterruptedException {
        if (!running) {
            return 0;
        }
        var due = outbox.claim(settings.batchSize(), settings.minUpdateInterval(), settings.lease());
        due.forEach(message -> held.add(message.id()));
        Map<String, List<OutboxMessage>> byChannel = new LinkedHashMap<>();
        due.forEach(message -> byChannel.computeIfAbsent(message.channelId(), c -> new ArrayList<>()).add(message));
        if (byChannel.size() == 1) { // the usual round: no thread to hand it to
            deliver(due);
            return due.size();
        }
        List<Future<?>> rounds = new ArrayList<>();
        for (var messages : byChannel.values()) {
            rounds.add(channels.submit(() -> deliver(messages)));
        }
        for (var round : rounds) {
            try {
                round.get();
            } catch (ExecutionException e) {
                log.warn("Delivering to one channel failed, will retry: {}", e.getCause().toString());
            }
        }
        return due.size();
    }

    /** One channel's messages of this round, in thread order; a 429 leaves the rest for later. */
    private void deliver(List<OutboxMessage> messages) {
        try {
            for (int i = 0; i < messages.size(); i++) {
                if (!running || Thread.currentThread().isInterrupted() || !sync(messages.get(i))) {
                    var rest = messages.subList(i, messages.size()).stream().map(OutboxMessage::id).toList();
                    outbox.release(rest);
                    return;
                }
            }
        } finally {
            messages.forEach(message -> held.remove(message.id()));
        }
    }

    /** @return false when Slack throttled this channel (429): nothing more goes there until Retry-After */
    private boolean sync(OutboxMessage message) {
        var renderer = renderers.get(message.kind());
        if (message.kind().inThread() && message.threadTs() == null) {
            // the card was posted by another instance after this claim was made; next round has it
            outbox.release(List.of(message.id()));
            return true;
        }
        try {
            if (message.ts() == null && message.postUnansweredAt() != null) {
                var earlier = earlierPosts.find(message, message.threadTs());
                if (earlier.isPresent()) {
                    outbox.adopted(message, earlier.get().channelId(), earlier.get().ts());
                    return true;
                }
            }
            var rendered = renderer.render(message);
            SlackApiTextResponse response;
            if (message.ts() == null) {
                posting.add(message.id());
                try {
                    var posted = slack.post(ChatPostMessageRequest.builder().channel(message.channelId())
                            .threadTs(message.threadTs()).metadata(EarlierPosts.metadata(message))
                            .text(rendered.text()).blocks(rendered.blocks()).unfurlLinks(false).unfurlMedia(false)
                            .build());
                    response = posted;
                    if (posted.isOk()) {
                        recordPost(message, posted.getChannel() != null ? posted.getChannel() : message.channelId(),
                                posted.getTs());
                    }
                } finally {
                    posting.remove(message.id());
                }
            } else {
                response = slack.update(ChatUpdateRequest.builder().channel(message.channelId()).ts(message.ts())
                        .metadata(EarlierPosts.metadata(message))
                        .text(rendered.text()).blocks(rendered.blocks()).build());
                if (response.isOk()) {
                    outbox.synced(message, message.channelId(), message.ts());
                }
            }
            if (!response.isOk()) {
                var error = DeliveryError.of(String.valueOf(response.getError()));
                if (error.kind() == DeliveryError.Kind.CHANNEL && message.ts() == null) {
                    renderer.channelRefused(message, error.error());
                }
                failed(message, error);
            }
        } catch (SlackApiException e) {
            if (e.getResponse().code() >= 500) {
                mayHavePosted(message);
            }
            String error = e.getError() != null && e.getError().getError() != null ? e.getError().getError()
                    : "HTTP " + e.getResponse().code();
            var retryAfter = retryAfter(e);
            if (retryAfter != null) {
                log.info("Slack asked us to wait {} s before the next {} in {} (message {} of release {})",
                        retryAfter.toSeconds(), message.ts() == null ? "post" : "update", message.channelId(),
                        message.seq(), message.releaseId());
                outbox.throttled(message, clock.instant().plus(retryAfter), error);
                return false;
            }
            failed(message, DeliveryError.transientError(error));
        } catch (IOException e) { // a timeout or a dropped connection
            mayHavePosted(message);
            failed(message, DeliveryError.transientError(e.getClass().getSimpleName() + ": " + e.getMessage()));
        } catch (RuntimeException e) {
            failed(message, DeliveryError.transientError(e.getClass().getSimpleName() + ": " + e.getMessage()));
        }
        return true;
    }

    /** No answer to a post does not mean Slack did not make it: the next attempt looks first. */
    private void mayHavePosted(OutboxMessage message) {
        if (message.ts() == null) {
            outbox.postUnanswered(message);
        }
    }

    /** A message Slack has accepted must be recorded, or it would be posted again: a database blip is retried. */
    private void recordPost(OutboxMessage message, String channel, String ts) {
        for (int attempt = 1; ; attempt++) {
            try {
                outbox.synced(message, channel, ts);
                return;
            } catch (TransientDataAccessException e) {
                if (attempt == 5) {
                    throw e;
                }
                log.info("Recording message {} of release {} failed ({}), retrying", message.seq(),
                        message.releaseId(), e.getClass().getSimpleName());
            }
        }
    }

    /**
     * A permanent refusal stops the message until the next change and is logged once, with what to
     * do; anything else is retried with capped backoff for as long as it takes.
     */
    private void failed(OutboxMessage message, DeliveryError error) {
        boolean permanent = error.kind() == DeliveryError.Kind.PERMANENT
                || (error.kind() == DeliveryError.Kind.CHANNEL && message.ts() != null);
        if (permanent) {
            if (outbox.stop(message, error.error())) {
                log.warn("Slack refused {} message {} of release {} for good ({}): {}. It is tried again at the"
                        + " release's next change, or when Preflight restarts.", message.kind(), message.seq(), message.releaseId(), error.error(),
                        error.advice());
            }
            return;
        }
        int attempts = outbox.failed(message, settings.firstBackoff(), settings.maxBackoff(), error.error());
        if (attempts == 1) {
            log.warn("Slack call for message {} of release {} failed ({}); retrying until it succeeds", message.seq(),
                    message.releaseId(), error.error());
        } else {
            log.debug("Slack call for message {} of release {} failed again ({}, attempt {})", message.seq(),
                    message.releaseId(), error.error(), attempts);
        }
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
