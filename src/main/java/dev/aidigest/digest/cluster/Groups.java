package dev.aidigest.digest.cluster;

import java.util.ArrayList;
import java.util.List;

/** The growing stories during clustering: which group each unit is in and each group's members. */
final class Groups {

    private final int[] groupOf;
    private final List<List<Integer>> members;

    Groups(int n) {
        groupOf = new int[n];
        members = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            groupOf[i] = i;
            List<Integer> m = new ArrayList<>(1);
            m.add(i);
            members.add(m);
        }
    }

    int groupOf(int unit) {
        return groupOf[unit];
    }

    int[] assignment() {
        return groupOf;
    }

    List<Integer> members(int group) {
        return members.get(group);
    }

    /** Moves every member of {@code from} into {@code into}. */
    void merge(int from, int into) {
        for (int m : members.get(from)) {
            groupOf[m] = into;
        }
        members.get(into).addAll(members.get(from));
        members.get(from).clear();
    }
}
