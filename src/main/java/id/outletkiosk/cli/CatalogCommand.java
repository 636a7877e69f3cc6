package id.outletkiosk.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.outletkiosk.runtime.OutletRuntime;
import id.outletkiosk.wire.Json;
import id.outletkiosk.model.Category;
import id.outletkiosk.model.Product;
import id.outletkiosk.model.Promotion;
import id.outletkiosk.pricing.Rupiah;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;

/** {@code catalog}: the cached products with category, price and the promotions running for them now. */
@Command(name = "catalog", mixinStandardHelpOptions = true, description = "List the cached menu.")
final class CatalogCommand extends StoreReportCommand {
    CatalogCommand(CommandContext context) {
        super(context);
    }

    @Override
    String asText(JsonNode products) {
        StringBuilder text = new StringBuilder();
        products.forEach(p -> text.append(String.format("%5d  %-34s %-18s %14s%s%s%n", p.get("id").asLong(),
                p.get("name").asText(), p.path("category").path("name").asText("-"), p.get("price_text").asText(),
                p.get("available").asBoolean() ? "" : "  (habis)",
                p.get("promotions").isEmpty() ? "" : "  promo: " + p.get("promotions").get(0).get("name").asText())));
        return text.toString().stripTrailing();
    }

    @Override
    ArrayNode report(OutletRuntime runtime) {
        Map<Long, Category> categories = runtime.catalog().categories().stream()
                .collect(Collectors.toMap(Category::id, Function.identity()));
        List<Promotion> running = runtime.catalog().activePromotions(runtime.clock().instant());
        ArrayNode products = Json.MAPPER.createArrayNode();
        for (Product product : runtime.catalog().allProducts()) {
            ObjectNode node = products.addObject();
            node.put("id", product.id());
            node.put("name", product.name());
            Category category = product.categoryId() == null ? null : categories.get(product.categoryId());
            if (category == null) {
                node.putNull("category");
            } else {
                node.putObject("category").put("id", category.id()).put("name", category.name());
            }
            node.put("price", product.price().toPlainString());
            node.put("price_text", Rupiah.format(product.price()));
            node.put("available", product.available());
            node.put("active", product.active());
            node.put("version", product.version());
            ArrayNode promotions = node.putArray("promotions");
            running.stream().filter(promotion -> promotion.targets(product)).forEach(promotion -> promotions.addObject()
                    .put("id", promotion.id())
                    .put("name", promotion.name())
                    .put("discount_type", promotion.discountType().wireName())
                    .put("discount_value", promotion.discountValue().toPlainString())
                    .put("ends_at", promotion.endsAt() == null ? null : promotion.endsAt().toString()));
        }
        return products;
    }
}
