package dev.aidigest.delivery;

/** What delivery may change on a subscription (implemented by {@code store.SubscriptionStore}). */
public interface SubscriptionControl {

    /** The bot was blocked or kicked: stop sending there. */
    void deactivate(long subscriptionId, String reason);

    /** The chat has a new id (Telegram group → supergroup); keep the subscription under it. */
    void moveChat(long subscriptionId, String newChatId);
}
