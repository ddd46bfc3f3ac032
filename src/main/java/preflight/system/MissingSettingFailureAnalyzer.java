package preflight.system;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

class MissingSettingFailureAnalyzer extends AbstractFailureAnalyzer<MissingSetting> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, MissingSetting cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Set the environment variable " + cause.variable() + " and start Preflight again.", cause);
    }
}
