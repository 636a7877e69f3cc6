package id.outletkiosk.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.outletkiosk.model.EntityKind;
import id.outletkiosk.model.Product;
import id.outletkiosk.model.SyncState;
import id.outletkiosk.server.MasterDataRepository;
import id.outletkiosk.server.ReferenceBackend;
import id.outletkiosk.server.SampleMenu;
import id.outletkiosk.testing.StoreSnapshot;
import id.outletkiosk.testing.SyncHarness;
import id.outletkiosk.testing.TestClocks;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A kiosk's menu against the reference backend: first download, small changes, restarts, offline starts. */
class MasterDataSyncTest {
    @TempDir
    Path folder;

    private MasterDataRepository menu;
    private ReferenceBackend backend;
    private SyncHarness kiosk;

    @BeforeEach
    void startBackend() {
        menu = new MasterDataRepository();
        SampleMenu.seed(menu, TestClocks.noonInJakarta());
        backend = new ReferenceBackend(menu, ReferenceBackend.Options.loopback()).start();
        kiosk = SyncHarness.against(folder, backend.baseUri());
    }

    @AfterEach
    void stop() {
        kiosk.close();
        backend.close();
    }

    @Test
    void firstSyncDownloadsTheWholeMenuAndItsVersion() throws Exception {
        SyncRoundResult result = kiosk.sync.runRound();

        assertThat(result.rowCounts()).containsEntry(EntityKind.CATEGORIES, 8).containsEntry(EntityKind.PRODUCTS, 50)
                .containsEntry(EntityKind.PROMOTIONS, 3);
        assertThat(result.toVersions().values()).containsOnly(menu.version());
        assertThat(kiosk.catalog.categories()).extracting("name").startsWith("Nasi", "Mie & Bakso");
        assertThat(kiosk.catalog.product(1)).get().extracting(Product::price).isEqualTo(new BigDecimal("28000"));
        assertThat(kiosk.status.current().state()).isEqualTo(SyncState.SYNCED);
        assertThat(kiosk.status.current().lastSuccess()).isNotNull();
        assertThat(kiosk.status.current().lastError()).isNull();
    }

    @Test
    void onePriceChangeRewritesExactlyOneRowAndMovesTheVersion() throws Exception {
        kiosk.sync.runRound();
        long before = menu.version();

        menu.update(EntityKind.PRODUCTS, 12, row -> withPrice((Product) row, "26500"));
        SyncRoundResult result = kiosk.sync.runRound();

        assertThat(result.totalRowsReceived()).isEqualTo(1);
        assertThat(result.totalRowsWritten()).isEqualTo(1);
        assertThat(result.rowsWritten()).containsEntry(EntityKind.PRODUCTS, 1);
        assertThat(result.toVersions().get(EntityKind.PRODUCTS)).isEqualTo(before + 1);
        assertThat(kiosk.catalog.product(12)).get().extracting(Product::price).isEqualTo(new BigDecimal("26500"));
    }

    @Test
    void aSyncWithNothingNewWritesNothing() throws Exception {
        kiosk.sync.runRound();
        List<String> before = StoreSnapshot.of(kiosk.database);

        SyncRoundResult result = kiosk.sync.runRound();

        assertThat(result.totalRowsReceived()).isZero();
        assertThat(result.totalRowsWritten()).isZero();
        assertThat(StoreSnapshot.of(kiosk.database)).isEqualTo(before);
    }

    @Test
    void deletedProductsAndPromotionsLeaveTheMenu() throws Exception {
        kiosk.sync.runRound();

        menu.delete(EntityKind.PRODUCTS, 3);
        menu.delete(EntityKind.PROMOTIONS, 1);
        SyncRoundResult result = kiosk.sync.runRound();

        assertThat(result.rowsWritten()).containsEntry(EntityKind.PRODUCTS, 1).containsEntry(EntityKind.PROMOTIONS, 1);
        assertThat(kiosk.catalog.product(3)).isEmpty();
        assertThat(kiosk.catalog.activePromotions(TestClocks.NOON)).isEmpty();
        assertThat(StoreSnapshot.scalar(kiosk.database,
                "SELECT count(*) FROM promotion_categories WHERE promotion_id = 1")).isEqualTo("0");
    }

    @Test
    void drfPagesAreFollowedToTheEndAndGiveTheSameMenu() throws Exception {
        java.nio.file.Files.createDirectories(folder.resolve("paged"));
        try (ReferenceBackend paged = new ReferenceBackend(menu,
                ReferenceBackend.Options.loopback().withPageSize(7)).start();
                SyncHarness pagedKiosk = SyncHarness.against(folder.resolve("paged"), paged.baseUri())) {
            SyncRoundResult result = pagedKiosk.sync.runRound();

            assertThat(result.requests()).isEqualTo(2 + 8 + 1); // 8 categories, 50 products, 3 promotions
            assertThat(result.rowCounts()).containsEntry(EntityKind.PRODUCTS, 50);
            // without an envelope version, the newest row version is what the store advances to
            assertThat(result.toVersions().get(EntityKind.PRODUCTS)).isEqualTo(
                    menu.liveRows(EntityKind.PRODUCTS).stream().mapToLong(r -> r.version()).max().orElseThrow());
        }
    }

    @Test
    void menuSurvivesARestartWithTheBackendGone() throws Exception {
        kiosk.sync.runRound();
        List<String> synced = StoreSnapshot.of(kiosk.database);
        kiosk.close();
        backend.close();

        try (SyncHarness restarted = SyncHarness.against(folder, backend.baseUri())) {
            assertThat(StoreSnapshot.of(restarted.database)).isEqualTo(synced);
            assertThat(restarted.catalog.productsOf(1)).hasSize(6);
            assertThat(restarted.status.current().lastSuccess()).isNotNull();

            assertThatThrownBy(restarted.sync::runRound).isInstanceOf(SyncFailedException.class)
                    .hasMessageContaining("cannot reach the backend");
            assertThat(StoreSnapshot.of(restarted.database)).isEqualTo(synced);
            assertThat(restarted.status.current().state()).isEqualTo(SyncState.ERROR);
            assertThat(restarted.status.current().lastError()).contains("cannot reach the backend");
        }
    }

    @Test
    void aBackendWhoseCounterWentBackwardsIsDownloadedAfresh() throws Exception {
        kiosk.sync.runRound();
        backend.close();
        MasterDataRepository restored = new MasterDataRepository();
        SampleMenu.generate(restored, TestClocks.noonInJakarta(), 2, 5, 1); // far fewer changes: a lower counter
        try (ReferenceBackend reset = new ReferenceBackend(restored, ReferenceBackend.Options.loopback()).start();
                SyncHarness afterReset = kiosk.pointedAt(folder, reset.baseUri(), java.time.Duration.ofSeconds(5),
                        1 << 24)) {
            afterReset.sync.runRound();

            assertThat(afterReset.store.rowCounts()).containsEntry(EntityKind.PRODUCTS, 5)
                    .containsEntry(EntityKind.CATEGORIES, 2).containsEntry(EntityKind.PROMOTIONS, 1);
            assertThat(afterReset.store.versions().values()).containsOnly(restored.version());
            assertThat(afterReset.catalog.product(1)).get().extracting(Product::name).isEqualTo("Menu 1");
        }
    }

    private static Product withPrice(Product product, String price) {
        return new Product(product.id(), product.name(), product.categoryId(), new BigDecimal(price),
                product.description(), product.imageUrl(), product.available(), product.active(), product.version(),
                product.updatedAt());
    }
}
