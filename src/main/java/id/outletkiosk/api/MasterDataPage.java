package id.outletkiosk.api;

import id.outletkiosk.model.VersionedRow;
import java.util.List;
import java.util.Map;

/**
 * One decoded answer of a master-data endpoint.
 *
 * @param upserts         live rows, in the order received
 * @param tombstones      deleted ids with the version that deleted them
 * @param envelopeVersion the top-level {@code version}, or {@code null} when the shape has none
 * @param next            the DRF {@code next} link, or {@code null}
 * @param maxRowVersion   the largest row {@code version} seen, or -1 with no rows
 * @param count           the DRF {@code count} (rows in the whole answer, all pages), or {@code null} when
 *                        the shape has none
 * @param rowCount        how many rows this answer's results held, as received (before any merging)
 */
public record MasterDataPage(
        List<VersionedRow> upserts,
        Map<Long, Long> tombstones,
        Long envelopeVersion,
        String next,
        long maxRowVersion,
        Long count,
        int rowCount) {
}
