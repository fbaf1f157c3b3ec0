package dev.migrationguard.files;

import dev.migrationguard.model.CannotJudge;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * A file named by the user (the configuration, a baseline), read only when it is a regular file within the size limit:
 * a FIFO would block the pre-commit hook forever, and {@code /dev/zero} would fill the heap.
 */
public final class UserFile {
    private UserFile() {
    }

    /**
     * The file as UTF-8 text (one that is not UTF-8 is refused, naming the first bad byte).
     *
     * @param what how the file is named in a message ("baseline file")
     * @throws NoSuchFileException when it does not exist, for the caller to say how to create it
     * @throws CannotJudge     when it is no regular file, is over {@code maxSize} bytes, or cannot be read
     */
    public static String read(Path file, String what, long maxSize) throws NoSuchFileException {
        if (!Files.exists(file)) throw new NoSuchFileException(file.toString());
        if (!Files.isRegularFile(file)) {
            throw new CannotJudge(what + " " + file + " is not a regular file (a FIFO, a device or a folder): "
                    + "name a file");
        }
        try (InputStream in = Files.newInputStream(file)) {
            // At most one byte past the limit, whatever the size said: a file can grow while it is read.
            byte[] bytes = in.readNBytes((int) Math.min(maxSize + 1, Integer.MAX_VALUE - 8));
            if (bytes.length > maxSize) {
                throw new CannotJudge(what + " " + file + " is over the limit of " + maxSize / (1024 * 1024)
                        + " MiB on a file migration-guard reads (--max-file-size <MiB> raises it)");
            }
            return Utf8Text.decode(bytes, what + " " + file);
        } catch (NoSuchFileException e) {
            throw e;
        } catch (IOException e) {
            throw new CannotJudge("cannot read " + what + " " + file + ": " + e.getMessage());
        }
    }
}
