package id.outletkiosk.server;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * The outlet's shared token as the store server checks it: on writes, sockets, and the status page from
 * outside the allowed addresses. {@code null} when the server runs without one.
 */
final class OutletToken {
    private final byte[] token;

    OutletToken(String token) {
        this.token = token == null ? null : token.getBytes(StandardCharsets.UTF_8);
    }

    boolean isSet() {
        return token != null;
    }

    /** Compared in constant time: a neighbour timing the answers learns nothing of the token. */
    boolean matches(String presented) {
        return token != null && presented != null
                && MessageDigest.isEqual(presented.getBytes(StandardCharsets.UTF_8), token);
    }

    /** Whether an {@code Authorization: Token ...} header carries it. */
    boolean inHeader(String authorization) {
        return authorization != null && authorization.startsWith("Token ") && matches(authorization.substring(6));
    }
}
