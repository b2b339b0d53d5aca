package dev.aidigest.ingest.x;

/** An X account as {@code includes.users} or {@code /2/users/by} describe it. */
public record XUser(String id, String username, String name) {}
