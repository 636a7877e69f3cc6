package id.outletkiosk.cli;

import id.outletkiosk.config.Setting;
import java.util.EnumMap;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** Adds every {@link Setting} as a flag of the same name to a command, and reads back the ones given. */
final class SettingsOptions {
    private SettingsOptions() {
    }

    static void addTo(CommandSpec spec) {
        for (Setting setting : Setting.values()) {
            spec.addOption(OptionSpec.builder(setting.flag())
                    .paramLabel(setting.valueLabel())
                    .type(String.class)
                    .description(setting.description() + " (env " + setting.envName() + ")")
                    .build());
        }
    }

    static Map<Setting, String> given(CommandSpec spec) {
        Map<Setting, String> flags = new EnumMap<>(Setting.class);
        for (Setting setting : Setting.values()) {
            OptionSpec option = spec.findOption(setting.flag());
            String value = option == null ? null : option.getValue();
            if (value != null) {
                flags.put(setting, value);
            }
        }
        return flags;
    }
}
