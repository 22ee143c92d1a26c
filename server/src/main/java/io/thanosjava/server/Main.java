package io.thanosjava.server;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code thanos-java} command: one subcommand per component, as the {@code thanos} binary has. */
@Command(
        name = "thanos-java",
        mixinStandardHelpOptions = true,
        version = "thanos-java 0.1.0-SNAPSHOT",
        description = "A Java implementation of the Thanos query layer.",
        subcommands = {QueryCommand.class, StoreCommand.class, SidecarCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs a command line and returns its exit code (for embedding and tests; {@link #main} exits with it). */
    public static int run(String... args) {
        return new CommandLine(new Main()).execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
