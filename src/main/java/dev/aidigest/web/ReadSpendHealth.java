package dev.aidigest.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aidigest.ingest.spend.ReadBudget;
import dev.aidigest.ingest.spend.ReadSpending;
import dev.aidigest.ingest.spend.ReadTotals;

/** {@code /healthz} {@code x_reads}: each paid X reader's use and cost today and this month, and a pause. */
public final class ReadSpendHealth implements OpsRoutes.Section {

    private final ReadSpending reads;

    public ReadSpendHealth(ReadSpending reads) {
        this.reads = reads;
    }

    @Override
    public String name() {
        return "x_reads";
    }

    @Override
    public Object facts() {
        return report();
    }

    /** The section as JSON. */
    public JsonNode report() {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        for (ReadBudget.Status s : reads.statuses()) {
            ObjectNode n = out.putObject(s.provider());
            totals(n.putObject("today"), s.today());
            totals(n.putObject("month"), s.month());
            n.put("budget_usd", s.budgetMicros() / 1e6).put("share_today_usd", s.shareTodayMicros() / 1e6);
            n.put("reading", s.pausedUntil() == null && s.today().micros() < s.shareTodayMicros());
            if (s.pausedUntil() != null) {
                n.put("paused_until", s.pausedUntil().toString());
            }
        }
        return out;
    }

    private static void totals(ObjectNode n, ReadTotals t) {
        n.put("calls", t.calls())
                .put("posts", t.posts())
                .put("users", t.users())
                .put("cost_usd", t.micros() / 1e6);
    }
}
