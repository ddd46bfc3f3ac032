package preflight.checklist;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Parses template files exactly as the bot does, without Spring, a database or Slack: for authors and their CI.
 * Folders are searched for {@code *.md}, sub-folders included.
 */
public final class TemplateLint {

    /** One file: the template it gives, or the problem that keeps it out of the catalogue. */
    public record Result(Path file, Template template, TemplateProblem problem) {

        public boolean ok() {
            return problem == null;
        }
    }

    private final ChecklistParser parser;

    public TemplateLint(ChecklistParser parser) {
        this.parser = parser;
    }

    public List<Result> lint(List<Path> paths) {
        List<Result> results = new ArrayList<>();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                List<Path> files;
                try (Stream<Path> walk = Files.walk(path)) {
                    files = walk.filter(file -> Files.isRegularFile(file) && file.getFileName().toString().endsWith(".md"))
                            .sorted().toList();
                } catch (IOException e) {
                    results.add(new Result(path, null, new TemplateProblem(path.toString(), 0, "cannot read the folder: " + e.getMessage())));
                    continue;
                }
                if (files.isEmpty()) {
                    results.add(new Result(path, null, new TemplateProblem(path.toString(), 0, "no *.md templates in this folder")));
                }
                files.forEach(file -> results.add(lintFile(file)));
            } else {
                results.add(lintFile(path));
            }
        }
        return results;
    }

    /** A file named on the command line is linted whatever its extension; the bot itself reads only {@code *.md}. */
    Result lintFile(Path file) {
        String fileName = file.getFileName().toString();
        int dot = fileName.lastIndexOf('.');
        String name = dot > 0 ? fileName.substring(0, dot) : fileName;
        if (!Files.isRegularFile(file)) {
            return new Result(file, null, new TemplateProblem(file.toString(), 0, "no such file"));
        }
        if (!TemplateCatalogue.NAME.matcher(name).matches()) {
            return new Result(file, null, new TemplateProblem(file.toString(), 0, TemplateCatalogue.badName(name)));
        }
        try {
            String source = Files.readString(file, StandardCharsets.UTF_8);
            Checklist checklist = parser.parse(name, source);
            return new Result(file, new Template(name, source, checklist, new TemplateOrigin("lint", file.toString(), null, null)), null);
        } catch (TemplateException e) {
            return new Result(file, null, new TemplateProblem(file.toString(), Math.max(e.line(), 0), e.problem()));
        } catch (IOException e) {
            return new Result(file, null, new TemplateProblem(file.toString(), 0, "cannot read the file: " + e.getMessage()));
        }
    }
}
