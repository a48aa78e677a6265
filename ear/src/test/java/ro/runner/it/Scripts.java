package ro.runner.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the project's own operations scripts (server-config/…) on the test stack, as an operator would. */
public final class Scripts {

    private Scripts() {}

    /** Runs {@code server-config/<script> <profile> <args…>}; fails with its output unless it exits 0. */
    public static String run(String script, String... args) {
        var command = new ArrayList<String>();
        command.add("bash");
        command.add(TestStack.root().resolve("server-config/" + script).toString());
        command.add(System.getProperty("runner.profile", "test"));
        command.addAll(List.of(args));
        try {
            // output to a file, not a pipe: a pipe read to its end would wait past the time limit
            Path log = Files.createTempFile("script", ".log");
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            boolean ended = process.waitFor(240, TimeUnit.SECONDS);
            if (!ended) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
            String output = Files.readString(log, StandardCharsets.UTF_8);
            Files.deleteIfExists(log);
            if (!ended || process.exitValue() != 0) {
                throw new IllegalStateException(
                        String.join(" ", command) + (ended ? " failed" : " did not end in 240 s") + ":\n" + output);
            }
            return output;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
