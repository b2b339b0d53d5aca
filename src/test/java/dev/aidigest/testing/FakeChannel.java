package dev.aidigest.testing;

import dev.aidigest.channel.Channel;
import dev.aidigest.channel.ChannelException;
import dev.aidigest.channel.ChatRef;
import dev.aidigest.channel.Reply;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A channel that records what it sends; failures can be scripted per chat id. */
public final class FakeChannel implements Channel {

    /** One message as sent. */
    public record Sent(String chatId, String text, String messageId) {}

    private final int blocksPerPart;
    public final List<Sent> sent = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, Deque<ChannelException>> failures = new HashMap<>();
    private int nextId = 1;

    public FakeChannel(int blocksPerPart) {
        this.blocksPerPart = blocksPerPart;
    }

    public synchronized void failNext(String chatId, ChannelException e) {
        failures.computeIfAbsent(chatId, k -> new ArrayDeque<>()).add(e);
    }

    @Override
    public String platform() {
        return "telegram";
    }

    @Override
    public List<Reply> split(Reply reply) {
        List<Reply> parts = new ArrayList<>();
        List<Reply.Block> b = reply.blocks();
        for (int i = 0; i < b.size(); i += blocksPerPart) {
            parts.add(reply.part(b.subList(i, Math.min(b.size(), i + blocksPerPart)), i + blocksPerPart >= b.size()));
        }
        return parts;
    }

    @Override
    public synchronized String send(ChatRef chat, Reply part) throws ChannelException {
        Deque<ChannelException> f = failures.get(chat.chatId());
        if (f != null && !f.isEmpty()) {
            throw f.poll();
        }
        String id = String.valueOf(nextId++);
        sent.add(new Sent(chat.chatId(), part.plainText(), id));
        return id;
    }

    public List<Sent> to(String chatId) {
        synchronized (sent) {
            return sent.stream().filter(s -> s.chatId().equals(chatId)).toList();
        }
    }
}
