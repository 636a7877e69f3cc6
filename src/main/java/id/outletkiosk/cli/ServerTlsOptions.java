package id.outletkiosk.cli;

import id.outletkiosk.config.SettingsException;

import id.outletkiosk.server.ServerTls;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * {@code --tls-keystore FILE}: serve HTTPS and WSS with the certificate and key of a PKCS#12 file; its
 * password from {@code OUTLET_KIOSK_TLS_PASSWORD} (kept out of the process list and shell history) or
 * {@code --tls-password}.
 */
final class ServerTlsOptions {
    static final String PASSWORD_ENV = "OUTLET_KIOSK_TLS_PASSWORD";

    @Option(names = "--tls-keystore", paramLabel = "FILE",
            description = "PKCS#12 file with the server's certificate and key: HTTPS and WSS only")
    Path keyStore;

    @Option(names = "--tls-password", paramLabel = "PASSWORD",
            description = "its password (better: the " + PASSWORD_ENV + " environment variable)")
    String password;

    /** The keys, or null for plain HTTP; a missing file or password stops the command with a clear line. */
    ServerTls.Keys keys(Map<String, String> env) {
        if (keyStore == null) {
            return null;
        }
        String secret = password != null ? password : env.get(PASSWORD_ENV);
        if (secret == null) {
            throw new SettingsException("--tls-keystore needs its password: set " + PASSWORD_ENV);
        }
        return new ServerTls.Keys(keyStore, secret);
    }
}
