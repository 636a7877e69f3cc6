package id.outletkiosk.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import id.outletkiosk.api.BackendException;
import id.outletkiosk.api.FrameDecoder;
import id.outletkiosk.api.MasterDataDecoder;
import id.outletkiosk.wire.OrderCodec;
import id.outletkiosk.model.EntityKind;
import java.time.ZoneId;
import org.junit.jupiter.api.Tag;

/**
 * Whatever bytes a server sends, the decoders answer with a value or their own typed refusal
 * ({@link BackendException}, {@link FrameDecoder.BadFrameException}): any other exception, a hang or a
 * crash is a finding. In {@code mvn verify} these run over the inputs in
 * {@code src/test/resources/id/outletkiosk/fuzz/DecoderFuzzTestInputs/} (regression mode); with
 * {@code JAZZER_FUZZ=1} Jazzer fuzzes them (see SECURITY.md).
 */
@Tag("fuzz")
class DecoderFuzzTest {
    private static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");
    private static final MasterDataDecoder MASTER_DATA = new MasterDataDecoder(JAKARTA);
    private static final FrameDecoder CENTRAL_FRAMES = new FrameDecoder(OrderCodec.Origin.CENTRAL, JAKARTA);
    private static final FrameDecoder LOCAL_FRAMES = new FrameDecoder(OrderCodec.Origin.LOCAL, JAKARTA);

    @FuzzTest
    void masterDataPages(FuzzedDataProvider data) {
        EntityKind kind = data.pickValue(EntityKind.values());
        try {
            MASTER_DATA.decode(kind, data.consumeRemainingAsBytes());
        } catch (BackendException refused) {
            // the decoder's own answer to a bad body: the sync reports it and keeps the store as it was
        }
    }

    @FuzzTest
    void orderFrames(FuzzedDataProvider data) {
        FrameDecoder decoder = data.consumeBoolean() ? CENTRAL_FRAMES : LOCAL_FRAMES;
        try {
            decoder.decode(data.consumeRemainingAsString());
        } catch (FrameDecoder.BadFrameException refused) {
            // logged and dropped by the feed; the socket stays up
        }
    }
}
