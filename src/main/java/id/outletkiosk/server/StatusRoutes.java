package id.outletkiosk.server;

import id.outletkiosk.store.StoreServerTerminals;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code GET /status}: the store status page (an extension) for the manager's phone or the back-office PC,
 * in the browser's language. {@link StatusAccess} decides who may read it.
 */
final class StatusRoutes {
    /** Terminals heard from within this long are listed; older ones have left the store, or the day. */
    static final Duration LISTED_FOR = Duration.ofHours(24);

    /**
     * Only the page's own inline CSS may load: a terminal's report, escaped anyway, can never bring in a
     * script, a picture from elsewhere or a frame around the page.
     */
    private static final String CONTENT_SECURITY_POLICY =
            "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    private final StoreServerTerminals terminals;
    private final Supplier<StoreFigures> figures;
    private final Clock clock;
    private final Map<StatusWords.Language, StatusWords> words = new EnumMap<>(StatusWords.Language.class);

    private StatusRoutes(StoreServerTerminals terminals, Supplier<StoreFigures> figures, Clock clock) {
        this.terminals = terminals;
        this.figures = figures;
        this.clock = clock;
        for (StatusWords.Language language : StatusWords.Language.values()) {
            words.put(language, new StatusWords(language));
        }
    }

    /** Adds {@code GET /status} to {@code app}: terminals from {@code terminals}, figures from {@code figures}. */
    static void register(RoutesConfig routing, StoreServerTerminals terminals, Supplier<StoreFigures> figures, Clock clock) {
        StatusRoutes routes = new StatusRoutes(terminals, figures, clock);
        routing.get("/status", routes::page);
    }

    private void page(Context ctx) {
        Instant now = clock.instant();
        StatusWords chosen = words.get(StatusWords.Language.fromAcceptLanguage(ctx.header("Accept-Language")));
        String html = new StatusPage(chosen, clock.getZone()).render(terminals.reportedSince(now.minus(LISTED_FOR)),
                figures.get(), now);
        ctx.header("Cache-Control", "no-store")
                .header("Vary", "Accept-Language")
                .header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "no-referrer")
                .contentType("text/html; charset=utf-8")
                .result(html);
    }
}
