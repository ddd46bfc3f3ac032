package preflight.checklist;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The built-in "default" template plus every {@code *.md} in the templates folder. The folder is listed on each call
 * and files are re-parsed only when they change, so admins edit templates without a restart.
 */
@Component
public class TemplateCatalogue {

    static final String DEFAULT_NAME = "default";
    private static final String DEFAULT_RESOURCE = "preflight/templates/default.md";
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    private static final Logger log = LoggerFactory.getLogger(TemplateCatalogue.class);

    private record Parsed(FileTime modified, long size, Template template, TemplateProblem problem) {
    }

    private record Snapshot(Map<String, Template> templates, List<TemplateProblem> problems) {
    }

    private final Path directory;
    private final ChecklistParser parser;
    private final Template builtIn;
    private final Map<Path, Parsed> cache = new HashMap<>();
    private final Set<String> reported = new HashSet<>();
    private boolean directoryUnavailableReported;

    public TemplateCatalogue(TemplateSettings settings, ChecklistParser parser) {
        this.directory = settings == null ? null : settings.templatesDir();
        this.parser = parser;
        String source = readBuiltIn();
        // a broken built-in template is a bug in this build, not an admin mistake: fail at startup
        this.builtIn = new Template(DEFAULT_NAME, source, parser.parse(DEFAULT_NAME, source));
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

    private synchronized Snapshot snapshot() {
        Map<String, Template> templates = new TreeMap<>();
        templates.put(DEFAULT_NAME, builtIn);
        List<TemplateProblem> problems = new ArrayList<>();
        if (directory == null) {
            return new Snapshot(templates, problems);
        }
        List<Path> files = listTemplateFiles();
        cache.keySet().retainAll(files);
        for (Path file : files) {
            String fileName = file.getFileName().toString();
            String name = fileName.substring(0, fileName.length() - ".md".length());
            if (!NAME.matcher(name).matches()) {
                TemplateProblem problem = new TemplateProblem(fileName, 0,
                        "template name '" + name + "' must match [a-z0-9][a-z0-9._-]{0,63} (lower case, digits, '.', '_', '-')");
                report(fileName, problem);
                problems.add(problem);
                continue;
            }
            Parsed parsed = load(file, name);
            if (parsed.template() != null) {
                templates.put(name, parsed.template());
            } else if (parsed.problem() != null) {
                problems.add(parsed.problem());
            }
        }
        return new Snapshot(templates, List.copyOf(problems));
    }

    private List<Path> listTemplateFiles() {
        if (!Files.isDirectory(directory)) {
            reportDirectoryOnce("templates folder " + directory + " does not exist or is not a folder; only the built-in template is available");
            return List.of();
        }
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(directory, "*.md")) {
            for (Path file : stream) {
                if (Files.isRegularFile(file)) {
                    files.add(file);
                }
            }
        } catch (IOException | UncheckedIOException e) {
            reportDirectoryOnce("cannot read templates folder " + directory + " (" + e.getMessage() + "); only the built-in template is available");
            return List.of();
        }
        directoryUnavailableReported = false;
        files.sort(null);
        return files;
    }

    private Parsed load(Path file, String name) {
        String fileName = file.getFileName().toString();
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (IOException e) {
            return unreadable(file, fileName, null, -1, e);
        }
        Parsed cached = cache.get(file);
        if (cached != null && cached.modified().equals(attributes.lastModifiedTime()) && cached.size() == attributes.size()) {
            return cached;
        }
        Parsed parsed;
        try {
            String source = Files.readString(file, StandardCharsets.UTF_8);
            Checklist checklist = parser.parse(name, source);
            parsed = new Parsed(attributes.lastModifiedTime(), attributes.size(), new Template(name, source, checklist), null);
            if (reported.removeIf(key -> key.startsWith(fileName + "\n"))) {
                log.info("Template {} loads again", fileName);
            }
        } catch (TemplateException e) {
            TemplateProblem problem = new TemplateProblem(fileName, e.line(), e.problem());
            report(fileName + "\n" + attributes.lastModifiedTime(), problem);
            parsed = new Parsed(attributes.lastModifiedTime(), attributes.size(), null, problem);
        } catch (IOException e) {
            return unreadable(file, fileName, attributes.lastModifiedTime(), attributes.size(), e);
        }
        cache.put(file, parsed);
        return parsed;
    }

    private Parsed unreadable(Path file, String fileName, FileTime modified, long size, IOException e) {
        TemplateProblem problem = new TemplateProblem(fileName, 0, "cannot read the file: " + e);
        report(fileName + "\n" + modified, problem);
        Parsed parsed = new Parsed(modified == null ? FileTime.fromMillis(0) : modified, size, null, problem);
        if (modified != null) {
            cache.put(file, parsed);
        }
        return parsed;
    }

    private void report(String key, TemplateProblem problem) {
        if (!reported.add(key)) {
            return;
        }
        String consequence = problem.template().equals(DEFAULT_NAME + ".md")
                ? "the built-in default template is used instead" : "it is left out of the catalogue";
        if (problem.line() > 0) {
            log.warn("Template {} line {}: {}; {}", problem.template(), problem.line(), problem.problem(), consequence);
        } else {
            log.warn("Template {}: {}; {}", problem.template(), problem.problem(), consequence);
        }
    }

    private void reportDirectoryOnce(String message) {
        if (!directoryUnavailableReported) {
            directoryUnavailableReported = true;
            log.warn(message);
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
