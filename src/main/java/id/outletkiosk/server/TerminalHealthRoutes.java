package id.outletkiosk.server;

import com.fasterxml.jackson.databind.JsonNode;
import id.outletkiosk.store.StoreServerTerminals;
import id.outletkiosk.store.TerminalReport;
import id.outletkiosk.store.TerminalReportCodec;
import id.outletkiosk.wire.BadRowException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Terminals report their health here (an extension, wire contract 3.2): {@code POST /api/terminals/health}
 * with a {@link TerminalReportCodec} body keeps the terminal's newest report for the status page and
 * /metrics, stamped with this server's clock (a terminal's clock may be wrong; freshness is ours to say).
 */
final class TerminalHealthRoutes {
    private static final Logger LOG = LoggerFactory.getLogger(TerminalHealthRoutes.class);
    static final String PATH = "/api/terminals/health";

    private final StoreServerTerminals terminals;
    private final Set<Long> outlets;
    private final Clock clock;

    private TerminalHealthRoutes(StoreServerTerminals terminals, Set<Long> outlets, Clock clock) {
        this.terminals = terminals;
        this.outlets = outlets;
        this.clock = clock;
    }

    /** Adds the route to {@code app}; {@code requireWriteToken} refuses a report without the outlet's token. */
    static void register(RoutesConfig routing, StoreServerTerminals terminals, Set<Long> outlets, Clock clock,
            Consumer<Context> requireWriteToken) {
        TerminalHealthRoutes routes = new TerminalHealthRoutes(terminals, outlets, clock);
        routing.post(PATH, ctx -> {
            requireWriteToken.accept(ctx);
            routes.keep(ctx);
        });
    }

    private void keep(Context ctx) {
        JsonNode body = StoreServer.readJson(ctx);
        TerminalReport report;
        try {
            JsonNode outlet = body == null ? null : body.get("outlet_id");
            if (outlet != null && !outlet.isNull() && !(outlet.canConvertToLong() && outlet.isIntegralNumber()
                    && outlets.contains(outlet.longValue()))) {
                throw new BadRowException("is for outlet " + outlet + ", not served here");
            }
            report = TerminalReportCodec.decode(body, clock.instant(), clock.getZone());
        } catch (BadRowException e) {
            throw new StoreServer.ApiError(400, "terminal report " + e.getMessage());
        }
        terminals.record(report);
        LOG.debug("terminal {} ({}) reports {}", report.terminal(), report.role(), report.transport());
        ctx.status(204);
    }
}
