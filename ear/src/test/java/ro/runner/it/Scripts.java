package ro.runner.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(180, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
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
