package id.outletkiosk.config;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** Name and version of this build, read from the Maven-filtered version.properties. */
public final class AppInfo {
    private static final String VERSION = readVersion();

    private AppInfo() {
    }

    public static String version() {
        return VERSION;
    }

    public static String userAgent() {
        return "outlet-kiosk/" + VERSION;
    }

    private static String readVersion() {
        try (InputStream in = AppInfo.class.getResourceAsStream("/id/outletkiosk/version.properties")) {
            if (in == null) {
                return "dev";
            }
            Properties properties = new Properties();
            properties.load(in);
            String version = properties.getProperty("version", "dev");
            return version.startsWith("${") ? "dev" : version;
        } catch (IOException e) {
            return "dev";
        }
    }
}
