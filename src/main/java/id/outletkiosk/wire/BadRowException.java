package id.outletkiosk.wire;

/** One field of one row broke the contract; {@link MasterDataDecoder} adds which row. */
public class BadRowException extends RuntimeException {
    public BadRowException(String message) {
        super(message);
    }
}
