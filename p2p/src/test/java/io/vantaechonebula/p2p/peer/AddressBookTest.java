package io.vantaechonebula.p2p.peer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AddressBookTest {

    @Test
    void aFailingAddressWaitsTwiceAsLongEachTimeUpToTheMaximum() {
        AddressBook book = new AddressBook(true);
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
        AddressBook book = new AddressBook(true);
        book.add("http://localhost:8080", AddressBook.Source.LOCAL);
        book.own("http://localhost:8080");
        assertThat(book.due(Long.MAX_VALUE)).isEmpty();
        assertThat(book.isOwn("http://localhost:8080/")).isTrue();
    }

    @Test
    void p10_anAddressAPeerGivesIsTakenOnlyInTheOneFormAndOnlyPublicUnlessThisNodeDialsPrivateOnes() {
        AddressBook book = new AddressBook(false);
        assertThat(book.learnt("http://Node.Example.org:9101/", "peer")).isEqualTo(AddressBook.Learnt.ADDED);
        assertThat(book.learnt("http://node.example.org:9101", "other")).isEqualTo(AddressBook.Learnt.KNOWN);
        assertThat(book.due(0)).containsExactly("http://node.example.org:9101");
        for (String bad : new String[] {"node.example.org:9101", "http://node.example.org", "ftp://node.example.org:21",
                "http://node.example.org:9101/api/v1/p2p/hello", "http://user@node.example.org:9101",
                "http://node.example.org:9101?x=1", "http://:9101", "http://node.example.org:99999", ""}) {
            assertThat(book.learnt(bad, "peer")).as(bad).isEqualTo(AddressBook.Learnt.ILL_FORMED);
        }
        for (String inside : new String[] {"http://127.0.0.1:8080", "http://localhost:4848", "http://10.1.2.3:9101",
                "http://172.20.0.1:9101", "http://192.168.1.10:9101", "http://169.254.169.254:80", "http://[::1]:8080",
                "http://[fd00::1]:8080", "http://[fe80::1]:8080", "http://0.0.0.0:8080", "http://100.64.0.1:8080"}) {
            assertThat(book.learnt(inside, "peer")).as(inside).isEqualTo(AddressBook.Learnt.PRIVATE);
        }
        assertThat(book.due(0)).containsExactly("http://node.example.org:9101");

        AddressBook onAPrivateNetwork = new AddressBook(true);
        assertThat(onAPrivateNetwork.learnt("http://10.1.2.3:9101", "peer")).isEqualTo(AddressBook.Learnt.ADDED);
    }

    @Test
    void p10_onePeerFillsAtMost32PlacesAndAllPeersTogether1000WhereAnAddressThatFailedGivesWay() {
        AddressBook book = new AddressBook(false);
        for (int i = 0; i < 100; i++) {
            book.learnt("http://flood" + i + ".example.org:9101", "attacker");
        }
        assertThat(book.due(0)).hasSize(AddressBook.MAX_LEARNT_PER_PEER);
        assertThat(book.learnt("http://honest.example.org:9101", "honest")).isEqualTo(AddressBook.Learnt.ADDED);

        AddressBook full = new AddressBook(false);
        for (int i = 0; i < AddressBook.MAX_LEARNT; i++) {
            full.learnt("http://n" + i + ".example.org:9101", "peer" + i / AddressBook.MAX_LEARNT_PER_PEER);
        }
        assertThat(full.learnt("http://one-more.example.org:9101", "newcomer")).isEqualTo(AddressBook.Learnt.FULL);
        full.failed("http://n7.example.org:9101", 0);
        assertThat(full.learnt("http://one-more.example.org:9101", "newcomer")).isEqualTo(AddressBook.Learnt.ADDED);
        assertThat(full.sources()).hasSize(AddressBook.MAX_LEARNT).doesNotContainKey("http://n7.example.org:9101");
    }
}
