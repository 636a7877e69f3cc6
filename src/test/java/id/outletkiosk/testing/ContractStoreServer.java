package id.outletkiosk.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import id.outletkiosk.wire.Json;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A store server that follows the contract's section 3 to the letter and does nothing more, like the
 * seed's Node program: orders in memory, {@code POST /api/orders} keeps the fields it is given and adds
 * an id (and, when the order has no {@code order_number}, one from its own counter, as the seed's server
 * does), {@code GET /api/orders?outlet_id=&since_id=} answers a bare array. No socket, no extensions:
 * what our clients must work with when a store still runs the old server.
 */
public final class ContractStoreServer implements AutoCloseable {
    private final HttpServer server;
    private final List<ObjectNode> orders = new ArrayList<>();

    public ContractStoreServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/orders", this::orders);
        server.start();
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    /** Every order as stored, oldest first. */
    public synchronized List<ObjectNode> stored() {
        return List.copyOf(orders);
    }

    private void orders(HttpExchange exchange) throws IOException {
        try (exchange) {
            switch (exchange.getRequestMethod()) {
                case "POST" -> answer(exchange, 201, place(exchange.getRequestBody()));
                case "GET" -> answer(exchange, 200, list(query(exchange.getRequestURI())));
                default -> answer(exchange, 405, Json.MAPPER.createObjectNode().put("error", "method not allowed"));
            }
        }
    }

    private synchronized JsonNode place(InputStream body) throws IOException {
        ObjectNode order = (ObjectNode) Json.read(body.readAllBytes());
        int id = orders.size() + 1;
        order.put("id", id);
        if (!order.hasNonNull("order_number")) {
            order.put("order_number", String.format("ORD-2026-%03d", id));
        }
        orders.add(order);
        return order;
    }

    private synchronized JsonNode list(Map<String, String> query) {
        long outlet = Long.parseLong(query.getOrDefault("outlet_id", "0"));
        long since = Long.parseLong(query.getOrDefault("since_id", "0"));
        ArrayNode answer = Json.MAPPER.createArrayNode();
        orders.stream().filter(order -> order.path("outlet_id").asLong() == outlet && order.path("id").asLong() > since)
                .forEach(answer::add);
        return answer;
    }

    private static Map<String, String> query(URI uri) {
        String raw = uri.getRawQuery();
        if (raw == null) {
            return Map.of();
        }
        return java.util.Arrays.stream(raw.split("&")).map(pair -> pair.split("=", 2))
                .collect(Collectors.toMap(pair -> pair[0], pair -> pair.length > 1 ? pair[1] : ""));
    }

    private static void answer(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
