package preflight.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.revwalk.RevCommit;

/** A bare repository on disk ({@code file://}) and a clone to commit and push templates from, as a team would. */
public final class GitRemote implements AutoCloseable {

    private final Path bare;
    private final Git work;

    private GitRemote(Path bare, Git work) {
        this.bare = bare;
        this.work = work;
    }

    /** A bare repository with branch {@code main} in {@code dir}/remote.git, cloned to {@code dir}/work. */
    public static GitRemote create(Path dir, String name) {
        try {
            Path bare = dir.resolve(name + ".git");
            Git.init().setBare(true).setInitialBranch("main").setDirectory(bare.toFile()).call().close();
            Git work = Git.cloneRepository().setURI(bare.toUri().toString()).setDirectory(dir.resolve(name + "-work").toFile()).call();
            return new GitRemote(bare, work);
        } catch (GitAPIException e) {
            throw new IllegalStateException(e);
        }
    }

    public String url() {
        return bare.toUri().toString();
    }

    public Path bare() {
        return bare;
    }

    /** Writes the files (path → text; null deletes), commits and pushes to main; returns the commit id. */
    public String push(String message, String... pathsAndTexts) {
        try {
            Path root = work.getRepository().getWorkTree().toPath();
            for (int i = 0; i < pathsAndTexts.length; i += 2) {
                Path file = root.resolve(pathsAndTexts[i]);
                if (pathsAndTexts[i + 1] == null) {
                    Files.deleteIfExists(file);
                    work.rm().addFilepattern(pathsAndTexts[i]).call();
                } else {
                    Files.createDirectories(file.getParent());
                    Files.writeString(file, pathsAndTexts[i + 1], StandardCharsets.UTF_8);
                    work.add().addFilepattern(pathsAndTexts[i]).call();
                }
            }
            RevCommit commit = work.commit().setMessage(message).setAuthor("Author", "author@example.com")
                    .setCommitter("Author", "author@example.com").setSign(false).call();
            work.push().setRemote("origin").setRefSpecs(new org.eclipse.jgit.transport.RefSpec("HEAD:refs/heads/main")).call();
            return commit.name();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GitAPIException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        work.close();
    }
}
