package preflight.checklist;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

@ConfigurationProperties("preflight")
public record TemplateSettings(Path templatesDir) {
}
