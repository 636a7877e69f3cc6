package id.outletkiosk.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.outletkiosk.model.EntityKind;
import id.outletkiosk.model.Product;
import id.outletkiosk.model.SyncState;
import id.outletkiosk.model.VersionedRow;
import id.outletkiosk.server.MasterDataRepository;
import id.outletkiosk.server.ReferenceBackend;
import id.outletkiosk.server.SampleMenu;
import id.outletkiosk.testing.ForwardingProxy;
import id.outletkiosk.testing.ForwardingProxy.Exchange;
import id.outletkiosk.testing.StoreSnapshot;
import id.outletkiosk.testing.SyncHarness;
import id.outletkiosk.testing.TestClocks;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collector;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * DRF pages ordered by version, with the menu edited while a kiosk pages through it: a row edited after
 * page 1 moves to the end and the row at the page boundary is never sent. The kiosk must notice and read
 * again, and never store a menu with a hole.
 */
class PagingWhileMenuChangesTest {
    private static final String PRODUCTS = "/api/products/";
    /** 50 products in pages of 7: 8 pages, so an edit after page 1 shifts rows across seven boundaries. */
    private static final int PAGE_SIZE = 7;

    @TempDir
    Path folder;

    private final ObjectMapper json = new ObjectMapper();
    private MasterDataRepository menu;
    private ReferenceBackend backend;
    private ForwardingProxy proxy;
    private SyncHarness kiosk;

    @BeforeEach
    void start() throws IOException {
        menu = new MasterDataRepository();
        SampleMenu.seed(menu, TestClocks.noonInJakarta());
        backend = new ReferenceBackend(menu, ReferenceBackend.Options.loopback().withPageSize(PAGE_SIZE)).start();
        proxy = new ForwardingProxy(backend.baseUri());
        kiosk = SyncHarness.against(folder, proxy.uri());
    }

    @AfterEach
    void stop() throws IOException {
        kiosk.close();
        proxy.close();
        backend.close();
    }

    @Test
    void aProductEditedBetweenPagesIsReadAgainAndNoProductIsMissing() throws Exception {
        AtomicBoolean edited = new AtomicBoolean();
        proxy.afterEachAnswer(answer -> {
            if (answer.isFirstPageOf(PRODUCTS) && edited.compareAndSet(false, true)) {
                raisePriceOfFirstProductOn(answer);
            }
        });

        SyncRoundResult result = kiosk.sync.runRound();

        List<List<Exchange>> reads = productReads();
        assertThat(reads).as("products read twice").hasSize(2);
        // the first read really had a hole: one product the backend holds never arrived
        Set<Long> firstRead = productIdsIn(reads.get(0));
        assertThat(backendProductVersions().keySet()).containsAll(firstRead).hasSize(firstRead.size() + 1);

        assertThat(storedProductVersions()).isEqualTo(backendProductVersions());
        assertThat(kiosk.store.versions().get(EntityKind.PRODUCTS)).isEqualTo(menu.version());
        assertCountersMatchWhatTheProxyForwarded(result);
        assertThat(result.requests()).isEqualTo(2 + 8 + 8 + 1); // categories, products twice, promotions
    }

    @Test
    void aProductAddedBetweenPagesChangesTheCountAndIsReadAgain() throws Exception {
        AtomicBoolean added = new AtomicBoolean();
        proxy.afterEachAnswer(answer -> {
            if (answer.isFirstPageOf(PRODUCTS) && added.compareAndSet(false, true)) {
                Product any = (Product) menu.liveRows(EntityKind.PRODUCTS).get(0);
                menu.put(EntityKind.PRODUCTS, new Product(menu.nextId(EntityKind.PRODUCTS), "Es Campur Baru",
                        any.categoryId(), new BigDecimal("15000"), null, null, true, true, 0, any.updatedAt()));
            }
        });

        SyncRoundResult result = kiosk.sync.runRound();

        assertThat(productReads()).hasSize(2);
        assertThat(storedProductVersions()).hasSize(51).isEqualTo(backendProductVersions());
        assertThat(kiosk.store.versions().get(EntityKind.PRODUCTS)).isEqualTo(menu.version());
        assertCountersMatchWhatTheProxyForwarded(result);
    }

    @Test
    void aMenuEditedDuringEveryReadFailsTheRoundForALaterRetryAndKeepsThePreviousMenu() throws Exception {
        kiosk.sync.runRound();
        List<String> previous = StoreSnapshot.of(kiosk.database);
        // ten price changes since the kiosk's version: an answer of two pages
        menu.liveRows(EntityKind.PRODUCTS).stream().limit(10).forEach(row -> raisePrice(row.id()));
        int readsBefore = productReads().size();
        proxy.afterEachAnswer(answer -> {
            if (answer.isFirstPageOf(PRODUCTS)) {
                raisePriceOfFirstProductOn(answer);
            }
        });

        assertThatThrownBy(kiosk.sync::runRound).isInstanceOfSatisfying(SyncFailedException.class, failure -> {
            assertThat(failure).hasMessageStartingWith("backend's products changed while paging 3 times in a row")
                    .hasMessageEndingWith("; try again later");
            assertThat(failure.worthRetrying()).as("retried with the normal backoff").isTrue();
        });

        assertThat(productReads().size() - readsBefore).isEqualTo(3);
        assertThat(StoreSnapshot.of(kiosk.database)).isEqualTo(previous);
        assertThat(kiosk.status.current().state()).isEqualTo(SyncState.ERROR);
        assertThat(kiosk.status.current().lastError()).contains("changed while paging 3 times in a row");
    }

    /** The forwarded products requests, cut into reads: each read starts at the first page. */
    private List<List<Exchange>> productReads() {
        List<List<Exchange>> reads = new ArrayList<>();
        for (Exchange exchange : proxy.exchanges()) {
            if (exchange.isFirstPageOf(PRODUCTS)) {
                reads.add(new ArrayList<>());
            }
            if (exchange.path().equals(PRODUCTS)) {
                reads.get(reads.size() - 1).add(exchange);
            }
        }
        return reads;
    }

    private void raisePriceOfFirstProductOn(Exchange page) {
        raisePrice(results(page).get(0).get("id").asLong());
    }

    private void raisePrice(long productId) {
        menu.update(EntityKind.PRODUCTS, productId, row -> {
            Product product = (Product) row;
            return new Product(product.id(), product.name(), product.categoryId(),
                    product.price().add(new BigDecimal("500")), product.description(), product.imageUrl(),
                    product.available(), product.active(), product.version(), product.updatedAt());
        });
    }

    private JsonNode results(Exchange page) {
        try {
            return json.readTree(page.body()).get("results");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Set<Long> productIdsIn(List<Exchange> pages) {
        Set<Long> ids = new HashSet<>();
        pages.forEach(page -> results(page).forEach(row -> ids.add(row.get("id").asLong())));
        return ids;
    }

    private Map<Long, Long> backendProductVersions() {
        return menu.liveRows(EntityKind.PRODUCTS).stream().collect(idToVersion());
    }

    private Map<Long, Long> storedProductVersions() {
        return kiosk.catalog.allProducts().stream().collect(idToVersion());
    }

    private static Collector<VersionedRow, ?, Map<Long, Long>> idToVersion() {
        return Collectors.toMap(VersionedRow::id, VersionedRow::version);
    }

    /** Every request the round made, re-reads included, is in its request and byte counts. */
    private void assertCountersMatchWhatTheProxyForwarded(SyncRoundResult result) {
        List<Exchange> forwarded = proxy.exchanges();
        assertThat(result.requests()).isEqualTo(forwarded.size());
        assertThat(result.bytesReceived()).isEqualTo(forwarded.stream().mapToLong(e -> e.body().length).sum());
    }
}
