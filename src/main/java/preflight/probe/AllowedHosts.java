package preflight.probe;

import java.util.List;
import java.util.Locale;

/** PREFLIGHT_PROBE_ALLOWED_HOSTS: exact names, or "*.example.com" for any name below example.com. */
final class AllowedHosts {

    private final List<String> entries;

    AllowedHosts(List<String> entries) {
        this.entries = entries.stream().map(AllowedHosts::normalize).filter(entry -> !entry.isEmpty()).toList();
    }

    boolean permits(String host) {
        if (entries.isEmpty() || entries.contains("*")) {
            return true;
        }
        if (host == null) {
            return false;
        }
        String name = normalize(host);
        for (String entry : entries) {
            if (entry.startsWith("*.") ? name.endsWith(entry.substring(1)) : name.equals(entry)) {
                return true;
            }
        }
        return false;
    }

    static String refusal(String host) {
        return "host " + host + " not in PREFLIGHT_PROBE_ALLOWED_HOSTS";
    }

    private static String normalize(String host) {
        String name = host.strip().toLowerCase(Locale.ROOT);
        if (name.startsWith("[") && name.endsWith("]")) {
            name = name.substring(1, name.length() - 1);
        }
        return name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
    }
}
