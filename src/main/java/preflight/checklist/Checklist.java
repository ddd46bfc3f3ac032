package preflight.checklist;

import java.util.List;
import java.util.Optional;

public record Checklist(String name, String title, List<Section> sections, List<SignoffRole> signoffRoles,
                        List<ProbeDefinition> probes, List<String> oncall, Monitoring monitoring) {

    public Checklist {
        sections = Immutable.list(sections);
        signoffRoles = Immutable.list(signoffRoles);
        probes = Immutable.list(probes);
        oncall = Immutable.list(oncall);
        monitoring = monitoring == null ? Monitoring.appDefault() : monitoring;
    }

    public List<Item> items() {
        return sections.stream().flatMap(section -> section.items().stream()).toList();
    }

    public Optional<Item> item(String id) {
        return sections.stream()
                .flatMap(section -> section.items().stream())
                .filter(item -> item.id().equals(id))
                .findFirst();
    }

    public List<Section> postDeploySections() {
        return sections.stream().filter(Section::postDeploy).toList();
    }
}
