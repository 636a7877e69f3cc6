package id.outletkiosk.testing;

import id.outletkiosk.runtime.OutletRuntime;
import id.outletkiosk.config.Setting;
import id.outletkiosk.config.SettingsLoader;
import id.outletkiosk.server.ReferenceBackend;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/** A terminal's runtime against an in-process backend, its store in {@code home}, nothing started yet. */
public final class TestRuntimes {
    private TestRuntimes() {
    }

    public static OutletRuntime against(ReferenceBackend backend, Path home, Clock clock) {
        return against(backend, home, clock, Map.of());
    }

    public static OutletRuntime against(ReferenceBackend backend, Path home, Clock clock, Map<Setting, String> more) {
        Map<Setting, String> flags = new HashMap<>(more);
        flags.put(Setting.BACKEND, backend.baseUri().toString());
        flags.putIfAbsent(Setting.DATA_DIR, home.resolve("data").toString());
        return OutletRuntime.open(new SettingsLoader(home).load(flags, Map.of()), clock);
    }
}
