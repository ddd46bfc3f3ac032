package preflight.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The real checklists in {@code ../shared/checklists}, offered to the app as templates named
 * {@code shared-000}, {@code shared-001}, … (the folder may be absent outside this workplace),
 * plus the test templates in {@code src/test/resources/templates} under their own names.
 */
public final class SharedChecklists {

    private static final Path SOURCE = Path.of("..", "shared", "checklists");
    private static final Path TEST_TEMPLATES = Path.of("src", "test", "resources", "templates");
    private static Path templatesDir;

    private SharedChecklists() {
    }

    public static synchronized Path asTemplatesDir() {
        if (templatesDir == null) {
            try {
                templatesDir = Files.createTempDirectory("preflight-templates");
                for (Path file : files()) {
                    Files.copy(file, templatesDir.resolve(templateName(file) + ".md"));
                }
                if (Files.isDirectory(TEST_TEMPLATES)) {
                    try (Stream<Path> tests = Files.list(TEST_TEMPLATES)) {
                        for (Path file : tests.filter(f -> f.toString().endsWith(".md")).toList()) {
                            Files.copy(file, templatesDir.resolve(file.getFileName()));
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return templatesDir;
    }

    public static List<Path> files() {
        if (!Files.isDirectory(SOURCE)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(SOURCE)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<String> templateNames() {
        return files().stream().map(SharedChecklists::templateName).toList();
    }

    public static String templateName(Path file) {
        return "shared-" + file.getFileName().toString().substring(0, 3);
    }
}
