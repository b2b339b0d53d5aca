package dev.aidigest.store;

import static dev.aidigest.store.SubscriptionStore.update;

import dev.aidigest.channel.ChatRef;
import dev.aidigest.command.Follows;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** Words each chat follows. Words are kept as typed, with runs of spaces collapsed. */
public final class FollowStore implements Follows {

    private final Database db;
    private final Clock clock;

    public FollowStore(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    @Override
    public boolean follow(ChatRef chat, String words) {
        return db.write(c -> update(
                        c,
                        "INSERT INTO follow (platform, chat_id, chat_kind, words, created_at) VALUES (?, ?, ?, ?, ?)"
                                + " ON CONFLICT DO NOTHING",
                        chat.platform(),
                        chat.chatId(),
                        SubscriptionStore.kind(chat),
                        norm(words),
                        clock.instant()))
                == 1;
    }

    @Override
    public boolean unfollow(ChatRef chat, String words) {
        return db.write(c -> update(
                        c,
                        "DELETE FROM follow WHERE platform = ? AND chat_id = ? AND words = ?",
                        chat.platform(),
                        chat.chatId(),
                        norm(words)))
                > 0;
    }

    @Override
    public List<String> list(ChatRef chat) {
        return db.read(c -> {
            try (PreparedStatement ps =
                    c.prepareStatement("SELECT words FROM follow WHERE platform = ? AND chat_id = ? ORDER BY id")) {
                Sql.bind(ps, chat.platform(), chat.chatId());
                List<String> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getString(1));
                    }
                }
                return out;
            }
        });
    }

    static String norm(String words) {
        return words.trim().replaceAll("\\s+", " ");
    }
}
