package dev.aidigest.command;

import dev.aidigest.channel.Reply;
import dev.aidigest.channel.Reply.Span;

/** /help (and, with a greeting, /start): every command of the catalog with its Chinese help. */
public final class HelpCommand extends CommandAdapter {

    private final CommandCatalog catalog;
    private final String greeting;

    public HelpCommand(CommandCatalog catalog, String name, String greeting) {
        super(catalog, name);
        this.catalog = catalog;
        this.greeting = greeting;
    }

    @Override
    public Reply handle(CommandRequest request) {
        Reply.Builder b = Reply.builder();
        if (greeting != null) {
            b.line(greeting);
        }
        for (CommandSpec s : catalog.all()) {
            String admin = s.adminOnly() ? "（群内仅管理员）" : "";
            b.paragraph(Span.bold(s.usage()), Span.plain(" " + s.helpZh() + admin));
        }
        return b.build();
    }
}
