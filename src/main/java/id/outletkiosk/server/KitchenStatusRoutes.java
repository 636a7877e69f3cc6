package id.outletkiosk.server;

import com.fasterxml.jackson.databind.JsonNode;
import id.outletkiosk.model.KitchenState;
import id.outletkiosk.store.StoreServerKitchen;
import id.outletkiosk.wire.BadRowException;
import id.outletkiosk.wire.Json;
import id.outletkiosk.wire.KitchenStateCodec;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The store server's kitchen switch (an extension, wire contract 3.2): {@code PUT /api/kitchen-status}
 * keeps what the kitchen set (open, busy with a wait, paused) and tells the outlet's sockets with a
 * {@code kitchen_status_changed} frame; {@code GET /api/kitchen-status?outlet_id=1} answers it for
 * pollers (open when never set); a socket that joins while the kitchen is not open hears it first.
 */
final class KitchenStatusRoutes {
    private static final Logger LOG = LoggerFactory.getLogger(KitchenStatusRoutes.class);
    static final String FRAME_TYPE = "kitchen_status_changed";

    private final StoreServerKitchen kitchen;
    private final OutletChannels channels;
    private final Set<Long> outlets;
    private final Clock clock;

    private KitchenStatusRoutes(StoreServerKitchen kitchen, OutletChannels channels, Set<Long> outlets, Clock clock) {
        this.kitchen = kitchen;
        this.channels = channels;
        this.outlets = outlets;
        this.clock = clock;
    }

    /**
     * Adds the routes to {@code routing}; {@code requireWriteToken} refuses a write without the outlet's token.
     *
     * @return the greetings a newly joined socket of an outlet gets (see {@link #greetings})
     */
    static KitchenStatusRoutes register(RoutesConfig routing, StoreServerKitchen kitchen, OutletChannels channels,
            Set<Long> outlets, Clock clock, Consumer<Context> requireWriteToken) {
        KitchenStatusRoutes routes = new KitchenStatusRoutes(kitchen, channels, outlets, clock);
        routing.get("/api/kitchen-status", routes::answer);
        routing.put("/api/kitchen-status", ctx -> {
            requireWriteToken.accept(ctx);
            routes.keep(ctx);
        });
        return routes;
    }

    /** The frames a socket joining {@code outletId} hears first: the kitchen's state when it is not open. */
    List<String> greetings(long outletId) {
        Set<Long> heard = outletId == OutletChannels.ALL_OUTLETS ? outlets : Set.of(outletId);
        return heard.stream().sorted().map(outlet -> {
            KitchenState state = kitchen.current(outlet);
            return state.status() == KitchenState.Status.OPEN ? null : frame(outlet, state);
        }).filter(java.util.Objects::nonNull).toList();
    }

    private void answer(Context ctx) {
        String outletText = ctx.queryParam("outlet_id");
        if (outletText == null) {
            throw new StoreServer.ApiError(400, "outlet_id is required");
        }
        long outlet = StoreServer.parseLong(outletText, "outlet_id");
        ctx.contentType("application/json").result(KitchenStateCodec.encode(outlet, kitchen.current(outlet)).toString());
    }

    private void keep(Context ctx) {
        JsonNode body;
        try {
            body = Json.read(ctx.bodyAsBytes());
        } catch (IOException e) {
            throw new StoreServer.ApiError(400, "body is not valid JSON");
        }
        long outlet = outletOf(body);
        KitchenState wanted;
        try {
            wanted = KitchenStateCodec.decodeStrict(body, clock.getZone());
        } catch (BadRowException e) {
            throw new StoreServer.ApiError(400, "kitchen status " + e.getMessage());
        }
        if (wanted.changedAt() == null) {
            wanted = new KitchenState(wanted.status(), wanted.waitMinutes(), clock.instant(), wanted.changedBy());
        }
        KitchenState kept = kitchen.keep(outlet, wanted);
        if (kept.equals(wanted)) {
            LOG.info("outlet {}: kitchen {}{}", outlet, kept, kept.changedBy() == null ? "" : " (" + kept.changedBy() + ")");
            channels.broadcast(outlet, OutletChannels.KITCHEN_STATUS, frame(outlet, kept));
        }
        ctx.contentType("application/json").result(KitchenStateCodec.encode(outlet, kept).toString());
    }

    private long outletOf(JsonNode body) {
        JsonNode outlet = body == null ? null : body.get("outlet_id");
        if (outlet == null || !outlet.canConvertToLong() || !outlet.isIntegralNumber()) {
            throw new StoreServer.ApiError(400, "kitchen status needs outlet_id, a whole number");
        }
        if (!outlets.contains(outlet.longValue())) {
            throw new StoreServer.ApiError(400, "outlet " + outlet.longValue() + " is not served here");
        }
        return outlet.longValue();
    }

    private static String frame(long outlet, KitchenState state) {
        return Json.MAPPER.createObjectNode().put("type", FRAME_TYPE)
                .set("data", KitchenStateCodec.encode(outlet, state)).toString();
    }
}
