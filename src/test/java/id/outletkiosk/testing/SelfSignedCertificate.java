package id.outletkiosk.testing;

import id.outletkiosk.server.ServerTls;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A self-signed certificate for 127.0.0.1 and localhost, made with the JDK's own keytool: the PKCS#12
 * file a server loads and the PEM file a client trusts (its {@code ca-file}).
 */
public final class SelfSignedCertificate {
    public static final String PASSWORD = "test-keystore-secret";

    public final Path pkcs12;
    public final Path pem;

    private SelfSignedCertificate(Path pkcs12, Path pem) {
        this.pkcs12 = pkcs12;
        this.pem = pem;
    }

    public static SelfSignedCertificate create(Path folder, String name) throws IOException, InterruptedException {
        Files.createDirectories(folder);
        Path store = folder.resolve(name + ".p12");
        Path pem = folder.resolve(name + ".pem");
        keytool("-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                "-dname", "CN=" + name, "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-storetype", "PKCS12",
                "-keystore", store.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD);
        keytool("-exportcert", "-rfc", "-alias", "server", "-keystore", store.toString(), "-storepass", PASSWORD,
                "-file", pem.toString());
        return new SelfSignedCertificate(store, pem);
    }

    public ServerTls.Keys keys() {
        return new ServerTls.Keys(pkcs12, PASSWORD);
    }

    private static void keytool(String... arguments) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException("keytool failed: " + output);
        }
    }
}
