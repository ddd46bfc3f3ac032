package preflight.checklist;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantLock;

import org.eclipse.jgit.api.FetchCommand;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.transport.FetchResult;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.SshTransport;
import org.eclipse.jgit.transport.TagOpt;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;
import org.eclipse.jgit.transport.sshd.SshdSessionFactory;
import org.eclipse.jgit.transport.sshd.SshdSessionFactoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.util.FS;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code *.md} templates of one folder of a Git branch, fetched with JGit into a private bare repository.
 * Requests never touch the network: they read the last snapshot. A failed fetch keeps the last good templates; a file
 * that no longer parses keeps its last good version, and the problem names the file, line and commit.
 * Its length is JGit's: authentication, fetch, and reading a tree at a commit each take a few calls that
 * only make sense together, around the one snapshot they produce.
 */
final class GitTemplateSource implements TemplateSource, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(GitTemplateSource.class);
    private static final String FETCHED = "refs/preflight/fetched";
    private static final int TIMEOUT_SECONDS = 30;
    private static final int MAX_TEMPLATE_BYTES = 1 << 20;

    /** What requests read; replaced as a whole after each fetch. */
    private record State(Listing listing, String commit, Instant lastAttempt, Instant lastSuccess, String error) {
    }

    private final GitSourceSpec spec;
    private final String id;
    private final String token;
    private final Path sshKey;
    private final ChecklistParser parser;
    private final Clock clock;
    private final ReentrantLock fetching = new ReentrantLock();
    private final Set<String> reported = new HashSet<>();
    private volatile State state = new State(Listing.empty(), null, null, null, null);
    private Path cache;
    private SshdSessionFactory sshSessions;

    GitTemplateSource(GitSourceSpec spec, String id, String token, Path sshKey, ChecklistParser parser, Clock clock) {
        this.spec = spec;
        this.id = id;
        this.token = token == null || token.isBlank() ? null : token;
        this.sshKey = sshKey;
        this.parser = parser;
        this.clock = clock;
    }

    @Override
    public String id() {
        return id;
    }

    GitSourceSpec spec() {
        return spec;
    }

    @Override
    public Listing listing() {
        return state.listing();
    }

    @Override
    public Optional<TemplateSourceStatus> status() {
        State now = state;
        return Optional.of(new TemplateSourceStatus(id, spec.location(), spec.branch(), spec.path(), now.lastAttempt(),
                now.lastSuccess(), now.commit(), now.error(), now.listing().templates().size()));
    }

    /** One fetch at a time; a caller arriving during a fetch waits for it rather than fetching twice. */
    @Override
    public void refresh() {
        fetching.lock();
        try {
            fetchAndRead();
        } finally {
            fetching.unlock();
        }
    }

    private void fetchAndRead() {
        Instant attempt = clock.instant();
        State before = state;
        try {
            ObjectId commitId = fetch();
            Map<String, String> files = read(commitId);
            String commit = commitId.name();
            state = new State(parse(files, commit, before.listing()), commit, attempt, attempt, null);
            if (before.error() != null) {
                log.info("Templates from {} fetch again (commit {})", spec, commit.substring(0, 7));
            } else if (!commit.equals(before.commit())) {
                log.info("Templates from {} at commit {}: {}", spec, commit.substring(0, 7),
                        state.listing().templates().keySet());
            }
        } catch (Exception | LinkageError e) {
            String error = describe(e);
            if (!error.equals(before.error())) {
                log.warn("Cannot fetch templates from {}: {}; {}", spec, error, before.commit() == null
                        ? "none of its templates are available yet" : "keeping those of commit " + before.commit().substring(0, 7));
            }
            state = new State(before.listing(), before.commit(), attempt, before.lastSuccess(), error);
        }
    }

    private ObjectId fetch() throws Exception {
        String source = spec.branch() == null ? "HEAD" : "refs/heads/" + spec.branch();
        Repository repository = repository();
        try (Git git = new Git(repository)) {
            FetchCommand fetch = git.fetch()
                    .setRemote(spec.url())
                    .setRefSpecs(new RefSpec("+" + source + ":" + FETCHED))
                    .setTagOpt(TagOpt.NO_TAGS)
                    .setTimeout(TIMEOUT_SECONDS);
            if (token != null) {
                fetch.setCredentialsProvider(new UsernamePasswordCredentialsProvider(tokenUser(), token));
            }
            if (sshKey != null) {
                fetch.setTransportConfigCallback(transport -> {
                    if (transport instanceof SshTransport ssh) {
                        ssh.setSshSessionFactory(sshSessions());
                    }
                });
            }
            FetchResult result = fetch.call();
            Ref advertised = result.getAdvertisedRef(source);
            if (advertised == null || advertised.getObjectId() == null) {
                throw new IllegalStateException(spec.branch() == null
                        ? "the repository has no default branch (HEAD)" : "the repository has no branch '" + spec.branch() + "'");
            }
            return advertised.getObjectId();
        } finally {
            repository.close();
        }
    }

    /** The template files of the configured folder at a commit, by path in the repository. */
    private Map<String, String> read(ObjectId commitId) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Repository repository = repository(); RevWalk walk = new RevWalk(repository)) {
            RevCommit commit = walk.parseCommit(commitId);
            ObjectId folder = commit.getTree();
            String prefix = "";
            if (!spec.path().isEmpty()) {
                try (TreeWalk single = TreeWalk.forPath(repository, spec.path(), commit.getTree())) {
                    if (single == null) {
                        throw new IllegalStateException("commit " + commitId.name().substring(0, 7) + " has no '"
                                + spec.path() + "'");
                    }
                    if (single.getFileMode(0) != FileMode.TREE) {
                        if (!spec.path().endsWith(".md")) {
                            throw new IllegalStateException("'" + spec.path() + "' is neither a folder nor a .md file");
                        }
                        files.put(spec.path(), text(repository, single.getObjectId(0), spec.path()));
                        return files;
                    }
                    folder = single.getObjectId(0);
                    prefix = spec.path() + "/";
                }
            }
            try (TreeWalk tree = new TreeWalk(repository)) {
                tree.addTree(folder);
                tree.setRecursive(false);
                while (tree.next()) {
                    FileMode mode = tree.getFileMode(0);
                    String name = tree.getNameString();
                    if (name.endsWith(".md") && (mode == FileMode.REGULAR_FILE || mode == FileMode.EXECUTABLE_FILE)) {
                        files.put(prefix + name, text(repository, tree.getObjectId(0), prefix + name));
                    }
                }
            }
        }
        return files;
    }

    private static String text(Repository repository, ObjectId blob, String path) throws IOException {
        var loader = repository.open(blob);
        if (loader.getSize() > MAX_TEMPLATE_BYTES) {
            throw new IllegalStateException(path + " is larger than 1 MiB");
        }
        return new String(loader.getBytes(), StandardCharsets.UTF_8);
    }

    private Listing parse(Map<String, String> files, String commit, Listing lastGood) {
        Map<String, Template> templates = new TreeMap<>();
        List<TemplateProblem> problems = new ArrayList<>();
        for (Map.Entry<String, String> file : files.entrySet()) {
            String path = file.getKey();
            String fileName = path.substring(path.lastIndexOf('/') + 1);
            String name = fileName.substring(0, fileName.length() - ".md".length());
            if (!TemplateCatalogue.NAME.matcher(name).matches()) {
                problem(problems, new TemplateProblem(path, 0, TemplateCatalogue.badName(name), id, commit));
                continue;
            }
            try {
                Checklist checklist = parser.parse(name, file.getValue());
                templates.put(name, new Template(name, file.getValue(), checklist,
                        new TemplateOrigin(id, path, commit, spec.webLink(commit, path))));
            } catch (TemplateException e) {
                problem(problems, new TemplateProblem(path, e.line(), e.problem(), id, commit));
                Template previous = lastGood.templates().get(name);
                if (previous != null) {
                    templates.put(name, previous);
                }
            }
        }
        return new Listing(templates, problems);
    }

    private void problem(List<TemplateProblem> problems, TemplateProblem problem) {
        problems.add(problem);
        if (reported.add(problem.toString())) {
            log.warn("Template {} line {} in {} at commit {}: {}; its last good version, if any, stays in use",
                    problem.template(), problem.line(), spec, problem.commit().substring(0, 7), problem.problem());
        }
    }

    private String tokenUser() {
        String location = spec.location().toLowerCase(Locale.ROOT);
        return location.contains("gitlab") ? "oauth2" : location.contains("bitbucket") ? "x-token-auth" : "x-access-token";
    }

    private synchronized SshdSessionFactory sshSessions() {
        if (sshSessions == null) {
            File home = FS.DETECTED.userHome();
            sshSessions = new SshdSessionFactoryBuilder()
                    .setHomeDirectory(home)
                    .setSshDirectory(new File(home, ".ssh"))
                    .setDefaultIdentities(directory -> List.of(sshKey))
                    .build(null);
        }
        return sshSessions;
    }

    private Repository repository() throws IOException {
        if (cache == null) {
            cache = Files.createTempDirectory("preflight-templates-" + id + "-");
        }
        Repository repository = new FileRepositoryBuilder().setGitDir(cache.toFile()).setBare().build();
        if (!repository.getObjectDatabase().exists()) {
            repository.create(true);
        }
        return repository;
    }

    /** A failure as it may be logged and shown: the URL without credentials, the token nowhere. */
    private String describe(Throwable failure) {
        Map<String, Boolean> messages = new LinkedHashMap<>();
        for (Throwable cause = failure; cause != null && messages.size() < 4; cause = cause.getCause()) {
            String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
            messages.putIfAbsent(message.strip(), true);
        }
        String text = String.join(": ", messages.keySet()).replace(spec.url(), spec.location());
        text = GitSourceSpec.withoutCredentials(text);
        if (token != null) {
            text = text.replace(token, "***");
        }
        return text.length() > 500 ? text.substring(0, 500) + "…" : text;
    }

    @Override
    public void close() {
        if (sshSessions != null) {
            sshSessions.close();
        }
        if (cache != null) {
            try {
                Files.walkFileTree(cache, new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                        Files.delete(file);
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult postVisitDirectory(Path directory, IOException e) throws IOException {
                        Files.delete(directory);
                        return FileVisitResult.CONTINUE;
                    }
                });
            } catch (IOException | UncheckedIOException e) {
                log.debug("Cannot delete {}", cache, e);
            }
        }
    }
}
