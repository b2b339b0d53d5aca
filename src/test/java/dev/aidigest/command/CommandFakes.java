package dev.aidigest.command;

import dev.aidigest.channel.ChatRef;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Hand-written in-memory fakes of the command ports. */
final class CommandFakes {

    private CommandFakes() {}

    static ArchivedDigest digest(String slot, int items) {
        List<ArchivedDigest.Item> list = new ArrayList<>();
        for (int i = 1; i <= items; i++) {
            list.add(new ArchivedDigest.Item(
                    i,
                    "Black Forest Labs 发布 FLUX.2 <第" + i + "条>",
                    "**FLUX.2** 支持 4MP 输出 & 多参考图。",
                    "https://x.com/a/status/" + i,
                    List.of("merve", "歸藏(guizang.ai)")));
        }
        return new ArchivedDigest(
                7,
                "digest",
                slot,
                slot + " 过去4小时全球AI发生了什么？",
                Instant.parse("2025-11-26T08:00:00Z"),
                List.of("AI模型", "AI应用"),
                list,
                "gpt-4o-mini");
    }

    static class FakeArchive implements Archive {
        final Map<String, ArchivedDigest> bySlot = new LinkedHashMap<>();

        @Override
        public Optional<ArchivedDigest> latest(String kind) {
            return bySlot.values().stream().reduce((a, b) -> b);
        }

        @Override
        public Optional<ArchivedDigest> bySlot(String kind, String slot) {
            return Optional.ofNullable(bySlot.get(slot));
        }

        @Override
        public Optional<ArchivedDigest> byId(long id) {
            return bySlot.values().stream().filter(d -> d.id() == id).findFirst();
        }
    }

    static final class FakeSubscriptions implements Subscriptions {
        final Map<ChatRef, Subscription> rows = new HashMap<>();

        @Override
        public Subscription subscribe(
                ChatRef chat, Plan plan, java.util.List<String> topics, boolean emptyNotice, String byUser) {
            Subscription s = new Subscription(rows.size() + 1, chat, plan, true, Instant.EPOCH, topics, emptyNotice);
            rows.put(chat, s);
            return s;
        }

        @Override
        public boolean unsubscribe(ChatRef chat) {
            Subscription s = rows.get(chat);
            if (s == null || !s.active()) {
                return false;
            }
            rows.put(chat, new Subscription(s.id(), chat, s.plan(), false, s.since(), s.topics(), s.emptyNotice()));
            return true;
        }

        @Override
        public Optional<Subscription> find(ChatRef chat) {
            return Optional.ofNullable(rows.get(chat));
        }
    }

    static final class FakeFollows implements Follows {
        final Map<ChatRef, List<String>> words = new HashMap<>();

        @Override
        public boolean follow(ChatRef chat, String w) {
            List<String> l = words.computeIfAbsent(chat, c -> new ArrayList<>());
            return !l.contains(w) && l.add(w);
        }

        @Override
        public boolean unfollow(ChatRef chat, String w) {
            return words.getOrDefault(chat, new ArrayList<>()).remove(w);
        }

        @Override
        public List<String> list(ChatRef chat) {
            return words.getOrDefault(chat, List.of());
        }
    }

    static final class FakeSearch implements TopicSearch {
        final List<Hit> hits = new ArrayList<>();

        @Override
        public Page search(String query, int page, int pageSize, TimeRange range) {
            List<Hit> m = hits.stream()
                    .filter(h -> h.title().toLowerCase().contains(query.toLowerCase()))
                    .filter(h -> range.contains(h.at()))
                    .toList();
            int from = Math.min(m.size(), (page - 1) * pageSize);
            int to = Math.min(m.size(), from + pageSize);
            return new Page(m.subList(from, to), to < m.size());
        }
    }
}
