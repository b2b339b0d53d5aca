package dev.aidigest.testing;

import dev.aidigest.digest.Slot;
import dev.aidigest.schedule.DigestRun;
import dev.aidigest.store.Database;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A DigestRun that stores a seed-like digest for the slot (once; later runs return the same row). */
public final class SlotDigests implements DigestRun {

    private final Database db;
    private final int items;
    private final int summaryChars;
    public final List<String> runs = new CopyOnWriteArrayList<>();

    public SlotDigests(Database db, int items, int summaryChars) {
        this.db = db;
        this.items = items;
        this.summaryChars = summaryChars;
    }

    @Override
    public long runSlot(Slot slot) {
        runs.add(slot.name());
        List<String> id =
                TestDb.column(db, "SELECT id FROM digest WHERE kind = 'digest' AND slot = '" + slot.name() + "'");
        if (!id.isEmpty()) {
            return Long.parseLong(id.get(0));
        }
        return TestDb.insertDigest(db, slot.name(), slot.windowEnd(), items, summaryChars);
    }
}
