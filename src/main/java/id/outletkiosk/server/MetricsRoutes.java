package id.outletkiosk.server;

import io.javalin.config.RoutesConfig;

/**
 * {@code GET /metrics}: the store server's meters in Prometheus' text format (version 0.0.4), for a chain's
 * Prometheus to scrape. Who may read it is {@code StatusAccess}'s to say, as for the status page.
 */
final class MetricsRoutes {
    static final String PATH = "/metrics";
    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private MetricsRoutes() {
    }

    static void register(RoutesConfig routing, ServerMeters meters) {
        routing.get(PATH, ctx -> ctx.contentType(CONTENT_TYPE).result(meters.scrape()));
    }
}
