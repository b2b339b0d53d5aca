package dev.aidigest.command;

import dev.aidigest.channel.Reply;

/** Base of the commands: the name, and the usage line for a missing argument. */
public abstract class CommandAdapter implements Command {

    private final CommandSpec spec;

    protected CommandAdapter(CommandCatalog catalog, String name) {
        this.spec = catalog.find(name)
                .orElseThrow(() -> new IllegalStateException("/" + name + " is not in bots/commands.yml"));
    }

    @Override
    public final String name() {
        return spec.name();
    }

    protected final Reply usage() {
        return Reply.text("用法：" + spec.usage() + " — " + spec.helpZh());
    }
}
