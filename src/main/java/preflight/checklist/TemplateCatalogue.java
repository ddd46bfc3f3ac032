package preflight.checklist;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The built-in "default" template plus those of every source: the templates folder and the Git sources. A name that
 * several sources define is qualified by the source ({@code acme-api/release}); a name one source defines is plain.
 * Git sources are fetched once here, at start, and then by {@link GitTemplateRefresh}; requests only read.
 */
@Component
public class TemplateCatalogue implements AutoCloseable {

    static final String DEFAULT_NAME = "default";
    static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    private static final String DEFAULT_RESOURCE = "preflight/templates/default.md";

    private record Snapshot(Map<String, Template> templates, List<TemplateProblem> problems,
                            Map<String, List<String>> qualified) {
    }

    private final List<TemplateSource> sources;
    private final Template builtIn;

    public TemplateCatalogue(TemplateSettings settings, ChecklistParser parser) {
        this(settings, GitTemplateSettings.none(), parser, Clock.systemUTC());
    }

    @Autowired
    TemplateCatalogue(TemplateSettings settings, ObjectProvider<GitTemplateSettings> git, ChecklistParser parser,
                      ObjectProvider<Clock> clock) {
        this(settings, git.getIfAvailable(GitTemplateSettings::none), parser, clock.getIfAvailable(Clock::systemUTC));
    }

    TemplateCatalogue(TemplateSettings settings, GitTemplateSettings git, ChecklistParser parser, Clock clock) {
        String source = readBuiltIn();
        // a broken built-in template is a bug in this build, not an admin mistake: fail at startup
        this.builtIn = new Template(DEFAULT_NAME, source, parser.parse(DEFAULT_NAME, source),
                new TemplateOrigin("built-in", DEFAULT_NAME + ".md", null, null));
        List<TemplateSource> all = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        if (settings != null && settings.templatesDir() != null) {
            FolderTemplateSource folder = new FolderTemplateSource(settings.templatesDir(), parser);
            ids.add(folder.id());
            all.add(folder);
        }
        for (GitSourceSpec spec : GitSourceSpec.parseAll(git.templatesGit())) {
            String id = spec.defaultId();
            for (int n = 2; !ids.add(id); n++) {
                id = spec.defaultId() + "-" + n;
            }
            all.add(new GitTemplateSource(spec, id, git.templatesGitToken(), git.templatesGitSshKey(), parser, clock));
        }
        this.sources = List.copyOf(all);
        refresh();
    }

    public List<String> names() {
        return List.copyOf(snapshot().templates().keySet());
    }

    public Optional<Template> find(String name) {
        return name == null ? Optional.empty() : Optional.ofNullable(snapshot().templates().get(name));
    }

    public List<TemplateProblem> problems() {
        return snapshot().problems();
    }

    /** Plain template names that several sources define, each with the qualified names to start them by. */
    public Map<String, List<String>> qualifiedNames() {
        return snapshot().qualified();
    }

    /** The Git sources, as they stand. */
    public List<TemplateSourceStatus> sourceStatuses() {
        return sources.stream().flatMap(source -> source.status().stream()).toList();
    }

    public boolean hasRemoteSources() {
        return sources.stream().anyMatch(source -> source.status().isPresent());
    }

    /** Fetches every Git source now (each waits for a fetch already running) and says how they stand. */
    public List<TemplateSourceStatus> refresh() {
        sources.forEach(TemplateSource::refresh);
        return sourceStatuses();
    }

    private Snapshot snapshot() {
        Map<String, List<Template>> byName = new TreeMap<>();
        List<TemplateProblem> problems = new ArrayList<>();
        for (TemplateSource source : sources) {
            TemplateSource.Listing listing = source.listing();
            listing.templates().forEach((name, template) -> byName.computeIfAbsent(name, n -> new ArrayList<>()).add(template));
            problems.addAll(listing.problems());
        }
        Map<String, Template> templates = new TreeMap<>();
        templates.put(DEFAULT_NAME, builtIn);
        Map<String, List<String>> qualified = new LinkedHashMap<>();
        byName.forEach((name, defined) -> {
            if (defined.size() == 1) {
                templates.put(name, defined.getFirst());
                return;
            }
            List<String> names = new ArrayList<>();
            for (Template template : defined) {
                String qualifiedName = template.origin().source() + "/" + name;
                templates.put(qualifiedName, new Template(qualifiedName, template.source(), template.checklist(), template.origin()));
                names.add(qualifiedName);
            }
            qualified.put(name, List.copyOf(names));
        });
        return new Snapshot(templates, List.copyOf(problems), qualified);
    }

    /** A source id that can prefix a template name: lower case, digits, '.', '_', '-'. */
    static String sourceId(String raw) {
        String id = raw.replaceAll("[^a-z0-9._-]+", "-").replaceAll("^[^a-z0-9]+|-+$", "");
        return id.isEmpty() ? "source" : id.length() > 40 ? id.substring(0, 40) : id;
    }

    static String badName(String name) {
        return "template name '" + name + "' must match [a-z0-9][a-z0-9._-]{0,63} (lower case, digits, '.', '_', '-')";
    }

    @Override
    public void close() {
        for (TemplateSource source : sources) {
            if (source instanceof AutoCloseable closeable) {
                try {
                    closeable.close();
                } catch (Exception e) {
                    // a temporary clone left behind is not worth failing a shutdown for
                }
            }
        }
    }

    private static String readBuiltIn() {
        try (InputStream in = TemplateCatalogue.class.getClassLoader().getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("built-in template " + DEFAULT_RESOURCE + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
