package preflight.checklist;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({TemplateSettings.class, GitTemplateSettings.class})
class ChecklistConfiguration {

    @Bean
    ChecklistParser checklistParser(ProbeKinds probeKinds) {
        return new ChecklistParser(probeKinds);
    }
}
