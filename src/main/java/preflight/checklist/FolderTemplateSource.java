package preflight.checklist;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every {@code *.md} in a folder. The folder is looked at on each call (listed again only when it changed, see
 * {@link Listed}) and files are re-parsed only when they change, so admins edit templates without a restart.
 */
final class FolderTemplateSource implements TemplateSource {

    private static final Logger log = LoggerFactory.getLogger(FolderTemplateSource.class);

    private record Parsed(FileTime modified, long size, Template template, TemplateProblem problem) {
    }

    private static final Duration SETTLING = Duration.ofSeconds(2);

    /**
     * The folder's files as last listed. Adding, removing or renaming a file changes the folder's
     * time, so while it stays the same the list does (each file's own time still tells an edit).
     * A folder changed within {@link #SETTLING} of being listed is listed again, as git treats
     * "racily clean" files: a file system with coarse times could give a later change the same time.
     */
    private record Listed(FileTime folderModified, Instant listedAt, List<Path> files) {

        boolean stillValid(FileTime folderNow) {
            return folderNow.equals(folderModified)
                    && folderModified.toInstant().isBefore(listedAt.minus(SETTLING));
        }
    }

    private final Path directory;
    private final ChecklistParser parser;
    private final String id;
    private final Map<Path, Parsed> cache = new HashMap<>();
    private final Set<String> reported = new HashSet<>();
    private boolean directoryUnavailableReported;
    private Listed listed;

    FolderTemplateSource(Path directory, ChecklistParser parser) {
        this.directory = directory;
        this.parser = parser;
        Path fileName = directory.toAbsolutePath().normalize().getFileName();
        this.id = TemplateCatalogue.sourceId(fileName == null ? "folder" : fileName.toString().toLowerCase(Locale.ROOT));
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public synchronized Listing listing() {
        Map<String, Template> templates = new TreeMap<>();
        List<TemplateProblem> problems = new ArrayList<>();
        List<Path> files = listTemplateFiles();
        cache.keySet().retainAll(files);
        for (Path file : files) {
            String fileName = file.getFileName().toString();
            String name = fileName.substring(0, fileName.length() - ".md".length());
            if (!TemplateCatalogue.NAME.matcher(name).matches()) {
                TemplateProblem problem = new TemplateProblem(fileName, 0, TemplateCatalogue.badName(name));
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
        return new Listing(templates, problems);
    }

    private List<Path> listTemplateFiles() {
        BasicFileAttributes folder;
        try {
            folder = Files.readAttributes(directory, BasicFileAttributes.class);
        } catch (IOException | UncheckedIOException e) {
            folder = null;
        }
        if (folder == null || !folder.isDirectory()) {
            listed = null;
            reportDirectoryOnce("templates folder " + directory + " does not exist or is not a folder; only the built-in template is available");
            return List.of();
        }
        if (listed != null && listed.stillValid(folder.lastModifiedTime())) {
            return listed.files();
        }
        Instant listedAt = Instant.now();
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(directory, "*.md")) {
            for (Path file : stream) {
                if (Files.isRegularFile(file)) {
                    files.add(file);
                }
            }
        } catch (IOException | UncheckedIOException e) {
            listed = null;
            reportDirectoryOnce("cannot read templates folder " + directory + " (" + e.getMessage() + "); only the built-in template is available");
            return List.of();
        }
        directoryUnavailableReported = false;
        files.sort(null);
        listed = new Listed(folder.lastModifiedTime(), listedAt, List.copyOf(files));
        return listed.files();
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
            parsed = new Parsed(attributes.lastModifiedTime(), attributes.size(),
                    new Template(name, source, checklist, new TemplateOrigin(id, fileName, null, null)), null);
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
        String consequence = problem.template().equals(TemplateCatalogue.DEFAULT_NAME + ".md")
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
}
