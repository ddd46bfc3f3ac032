package preflight.probe;

/** A "host:port" target; IPv6 literals are written "[::1]:443". */
record HostPort(String host, int port) {

    static HostPort parse(String target, int defaultPort) throws InvalidProbeException {
        if (target == null || target.isBlank()) {
            throw new InvalidProbeException("target is missing; expected host:port");
        }
        String text = target.strip();
        if (text.contains("/") || text.contains("@") || text.chars().anyMatch(Character::isWhitespace)) {
            throw new InvalidProbeException("target " + Detail.redact(text) + " is not host:port");
        }
        String host;
        String port;
        if (text.startsWith("[")) {
            int close = text.indexOf(']');
            if (close < 0) {
                throw new InvalidProbeException("target " + text + " is not host:port");
            }
            host = text.substring(1, close);
            String rest = text.substring(close + 1);
            port = rest.isEmpty() ? null : rest.startsWith(":") ? rest.substring(1) : "bad";
        } else {
            int colon = text.lastIndexOf(':');
            if (colon != text.indexOf(':')) {
                throw new InvalidProbeException("target " + text + " is not host:port (write IPv6 as [::1]:443)");
            }
            host = colon < 0 ? text : text.substring(0, colon);
            port = colon < 0 ? null : text.substring(colon + 1);
        }
        if (host.isEmpty()) {
            throw new InvalidProbeException("target " + text + " has no host");
        }
        if (port == null) {
            if (defaultPort <= 0) {
                throw new InvalidProbeException("target " + text + " has no port; expected host:port");
            }
            return new HostPort(host, defaultPort);
        }
        try {
            int number = Integer.parseInt(port);
            if (number >= 1 && number <= 65535) {
                return new HostPort(host, number);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidProbeException("target " + text + " has an invalid port");
    }

    @Override
    public String toString() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}
