package dev.aidigest.mcp;

/** A tool call that cannot be answered as asked (a bad argument, nothing stored): one sentence for the client. */
public final class ToolRefusal extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ToolRefusal(String message) {
        super(message);
    }
}
