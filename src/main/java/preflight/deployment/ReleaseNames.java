package preflight.deployment;

import java.util.regex.Pattern;

/** What a release version and environment may look like, and what a start assumes when they are left out. */
public final class ReleaseNames {

    public static final String DEFAULT_TEMPLATE = "default";
    public static final String DEFAULT_ENVIRONMENT = "production";
    private static final Pattern VERSION = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._+/-]{0,63}");
    private static final Pattern ENVIRONMENT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,31}");

    private ReleaseNames() {
    }

    public static boolean validVersion(String version) {
        return version != null && VERSION.matcher(version).matches();
    }

    public static boolean validEnvironment(String environment) {
        return environment != null && ENVIRONMENT.matcher(environment).matches();
    }
}
