package dev.aidigest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aidigest.store.Database;
import dev.aidigest.testing.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@link BigStoryTest} on the local PostgreSQL, in a fresh schema. */
class BigStoryPostgresIT extends BigStoryTest {

    private final String[] schema = new String[1];

    @Override
    Database open() {
        return TestDatabases.postgres(schema);
    }

    @Test
    void theInheritedChecksRunOnPostgres() {
        assertThat(db.isPostgres())
                .as("the big story's tests run on PostgreSQL here, not on H2")
                .isTrue();
    }

    @AfterEach
    void dropSchema() {
        TestDatabases.dropPostgres(schema[0]);
    }
}
