package preflight.system;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ExecutorConfiguration {

    /** Slow work after an ack (Slack calls, probes): virtual threads, never a request thread. */
    @Bean(destroyMethod = "close")
    ExecutorService slackWork() {
        return Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("slack-work-", 0).factory());
    }
}
