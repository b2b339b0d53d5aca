package dev.aidigest.ingest.spend;

import java.util.List;

/**
 * One answered call to a paid reader, as it is billed.
 *
 * @param endpoint the path called ({@code /2/users/:id/tweets}), ids replaced so calls group
 * @param postIds  every post in the answer (data and expansions)
 * @param userIds  every user in the answer (data and expansions)
 */
public record ReadCall(String endpoint, List<String> postIds, List<String> userIds) {
    public ReadCall {
        postIds = List.copyOf(postIds);
        userIds = List.copyOf(userIds);
    }
}
