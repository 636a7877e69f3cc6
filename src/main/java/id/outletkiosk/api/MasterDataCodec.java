package id.outletkiosk.api;

import id.outletkiosk.wire.BadRowException;
import id.outletkiosk.wire.RowReader;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.outletkiosk.model.Category;
import id.outletkiosk.model.DiscountType;
import id.outletkiosk.model.EntityKind;
import id.outletkiosk.model.Product;
import id.outletkiosk.model.Promotion;
import id.outletkiosk.model.VersionedRow;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;

/** The wire form of master-data rows (PROTOCOL 1.1), both ways: the client decodes, the reference backend encodes. */
public final class MasterDataCodec {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private MasterDataCodec() {
    }

    /** Decodes a live (not deleted) row; the caller has already checked {@code is_deleted}. */
    public static VersionedRow decode(EntityKind kind, RowReader row) {
        return switch (kind) {
            case CATEGORIES -> decodeCategory(row);
            case PRODUCTS -> decodeProduct(row);
            case PROMOTIONS -> decodePromotion(row);
        };
    }

    public static Category decodeCategory(RowReader row) {
        return new Category(row.requiredId("id"), row.requiredText("name"), row.wholeNumber("sort_order", 0),
                row.flag("is_active", true), row.requiredId("version"));
    }

    public static Product decodeProduct(RowReader row) {
        return new Product(row.requiredId("id"), row.requiredText("name"), row.optionalId("category"),
                row.money("price"), row.optionalText("description"), row.optionalText("image_url"),
                row.flag("is_available", true), row.flag("is_active", true), row.requiredId("version"),
                row.optionalText("updated_at"));
    }

    public static Promotion decodePromotion(RowReader row) {
        String typeName = row.requiredText("discount_type");
        DiscountType type = DiscountType.fromWireName(typeName);
        if (type == null) {
            throw new BadRowException("discount_type must be \"percentage\" or \"fixed\", got \""
                    + RowReader.abbreviate(typeName) + "\"");
        }
        BigDecimal value = row.money("discount_value");
        if (type == DiscountType.PERCENTAGE && value.compareTo(HUNDRED) > 0) {
            throw new BadRowException("discount_value of a percentage must be at most 100, got " + value.toPlainString());
        }
        Instant start = row.instant("start_date", true);
        Instant end = row.instant("end_date", false);
        if (end != null && end.isBefore(start)) {
            throw new BadRowException("end_date " + end + " is before start_date " + start);
        }
        return new Promotion(row.requiredId("id"), row.requiredText("name"), row.optionalText("description"), type,
                value, row.idList("product_ids"), row.idList("category_ids"), start, end, row.flag("is_active", true),
                row.requiredId("version"));
    }

    public static ObjectNode encode(VersionedRow row) {
        if (row instanceof Category category) {
            return encodeCategory(category);
        }
        if (row instanceof Product product) {
            return encodeProduct(product);
        }
        if (row instanceof Promotion promotion) {
            return encodePromotion(promotion);
        }
        throw new IllegalArgumentException("not a master-data row: " + row);
    }

    public static ObjectNode encodeCategory(Category category) {
        ObjectNode node = NODES.objectNode();
        node.put("id", category.id());
        node.put("name", category.name());
        node.put("sort_order", category.sortOrder());
        node.put("is_active", category.active());
        node.put("is_deleted", false);
        node.put("version", category.version());
        return node;
    }

    public static ObjectNode encodeProduct(Product product) {
        ObjectNode node = NODES.objectNode();
        node.put("id", product.id());
        node.put("name", product.name());
        if (product.categoryId() == null) {
            node.putNull("category");
        } else {
            node.put("category", product.categoryId());
        }
        node.put("price", product.price().setScale(2).toPlainString());
        node.put("description", product.description());
        node.put("image_url", product.imageUrl());
        node.put("is_available", product.available());
        node.put("is_active", product.active());
        node.put("is_deleted", false);
        node.put("version", product.version());
        node.put("updated_at", product.updatedAt());
        return node;
    }

    public static ObjectNode encodePromotion(Promotion promotion) {
        ObjectNode node = NODES.objectNode();
        node.put("id", promotion.id());
        node.put("name", promotion.name());
        node.put("description", promotion.description());
        node.put("discount_type", promotion.discountType().wireName());
        node.put("discount_value", promotion.discountValue().setScale(2).toPlainString());
        idArray(node.putArray("product_ids"), promotion.productIds());
        idArray(node.putArray("category_ids"), promotion.categoryIds());
        node.put("start_date", promotion.startsAt().toString());
        if (promotion.endsAt() == null) {
            node.putNull("end_date");
        } else {
            node.put("end_date", promotion.endsAt().toString());
        }
        node.put("is_active", promotion.active());
        node.put("is_deleted", false);
        node.put("version", promotion.version());
        return node;
    }

    /** A tombstone as a soft-deleting backend sends it: the id, the deleting version, {@code is_deleted}. */
    public static ObjectNode encodeTombstone(long id, long version) {
        ObjectNode node = NODES.objectNode();
        node.put("id", id);
        node.put("is_deleted", true);
        node.put("version", version);
        return node;
    }

    private static void idArray(ArrayNode array, Collection<Long> ids) {
        ids.stream().sorted().forEach(array::add);
    }
}
