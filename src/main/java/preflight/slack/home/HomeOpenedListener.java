package preflight.slack.home;

import com.slack.api.bolt.App;
import com.slack.api.model.event.AppHomeOpenedEvent;

import org.springframework.stereotype.Component;

import preflight.slack.bolt.SlackListener;

/**
 * {@code app_home_opened}: the person's Home is kept up to date from now on, and published now
 * (by the publisher, off the request thread).
 */
@Component
class HomeOpenedListener implements SlackListener {

    private final HomeQueue queue;
    private final HomePublisher publisher;

    HomeOpenedListener(HomeQueue queue, HomePublisher publisher) {
        this.queue = queue;
        this.publisher = publisher;
    }

    @Override
    public void register(App app) {
        app.event(AppHomeOpenedEvent.class, (payload, context) -> {
            var event = payload.getEvent();
            if (event != null && event.getUser() != null && (event.getTab() == null || "home".equals(event.getTab()))) {
                queue.opened(event.getUser());
                publisher.wakeUp();
            }
            return context.ack();
        });
    }
}
