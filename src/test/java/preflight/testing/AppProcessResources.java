package preflight.testing;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What a test class running Preflight as separate processes ({@link AppProcess}) needs around it:
 * a fake Slack, running from the start, and its own schema of the test database, empty before the
 * class and dropped after it. Register it as a static field with {@code @RegisterExtension}.
 */
public final class AppProcessResources implements BeforeAllCallback, AfterAllCallback {

    private final String schema;
    private final FakeSlackApi slack = FakeSlackApi.start();

    public AppProcessResources(String schema) {
        this.schema = schema;
    }

    public FakeSlackApi slack() {
        return slack;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        AppProcess.dropSchema(schema);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        slack.close();
        AppProcess.dropSchema(schema);
    }
}
