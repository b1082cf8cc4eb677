package dev.larkinbox.outbound.db.postgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The first lines of postmaster.pid: the server's pid and the data directory it serves. */
record PostmasterFile(long pid, Path dataDir) {
    static Optional<PostmasterFile> read(Path dataDir) {
        try {
            List<String> lines = Files.readAllLines(dataDir.resolve("postmaster.pid"));
            return lines.size() < 2 ? Optional.empty()
                    : Optional.of(new PostmasterFile(Long.parseLong(lines.get(0).trim()), Path.of(lines.get(1).trim())));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    boolean isOf(Path dir) {
        try {
            return Files.isSameFile(dataDir, dir);
        } catch (IOException e) {
            return false;
        }
    }
}
