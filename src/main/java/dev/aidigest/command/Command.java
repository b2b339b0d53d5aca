package dev.aidigest.command;

import dev.aidigest.channel.Reply;

/** One chat command, written once for every platform. */
public interface Command {

    /** The name in {@code bots/commands.yml}, without the slash. */
    String name();

    /** Answers the request; never null. Failures of our own services surface as one polite line. */
    Reply handle(CommandRequest request);
}
