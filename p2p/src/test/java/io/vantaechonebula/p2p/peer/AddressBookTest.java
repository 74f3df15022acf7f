package io.vantaechonebula.p2p.peer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AddressBookTest {

    @Test
    void aFailingAddressWaitsTwiceAsLongEachTimeUpToTheMaximum() {
        AddressBook book = new AddressBook();
        book.add("http://seed:8080/", AddressBook.Source.SEED);
        assertThat(book.due(0)).containsExactly("http://seed:8080");

        book.failed("http://seed:8080", 0);
        assertThat(book.due(4_999)).isEmpty();
        assertThat(book.due(5_000)).containsExactly("http://seed:8080");
        book.failed("http://seed:8080", 5_000);
        assertThat(book.due(14_999)).isEmpty();
        assertThat(book.due(15_000)).hasSize(1);
        for (int i = 0; i < 30; i++) {
            book.failed("http://seed:8080", 0);
        }
        assertThat(book.due(AddressBook.MAX_RETRY_MS)).hasSize(1);

        book.succeeded("http://seed:8080", "abc");
        assertThat(book.due(0)).hasSize(1);
        assertThat(book.nodeIdAt("http://seed:8080/")).contains("abc");
    }

    @Test
    void ownAddressesAreNeverDue() {
        AddressBook book = new AddressBook();
        book.add("http://localhost:8080", AddressBook.Source.LOCAL);
        book.own("http://localhost:8080");
        assertThat(book.due(Long.MAX_VALUE)).isEmpty();
        assertThat(book.isOwn("http://localhost:8080/")).isTrue();
    }
}
