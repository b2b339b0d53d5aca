package dev.aidigest.web;

import dev.aidigest.channel.SupervisedBot;

/** A chat platform on /healthz: up, connecting, retrying (when next), or refusing our credentials. */
public final class BotHealth {

    private BotHealth() {}

    public static Health.Part part(SupervisedBot.State s) {
        Health.Status status =
                switch (s.phase()) {
                    case UP -> Health.Status.OK;
                    case STARTING, RETRYING, STOPPED -> Health.Status.DEGRADED;
                    case CONFIG_ERROR -> Health.Status.DEGRADED;
                };
        String reason =
                switch (s.phase()) {
                    case UP -> null;
                    case STARTING -> "connecting";
                    case RETRYING -> "cannot connect: " + s.error();
                    case CONFIG_ERROR -> "configuration error, not retried: " + s.error();
                    case STOPPED -> "stopped";
                };
        Health.Part p = Health.Part.of("chat." + s.platform(), status, reason);
        p.facts()
                .put("state", s.phase().name().toLowerCase(java.util.Locale.ROOT))
                .put("attempts", s.attempts());
        p.facts().put("since", s.since().toString());
        if (s.nextAttempt() != null) {
            p.facts().put("next_attempt", s.nextAttempt().toString());
        }
        return p;
    }
}
