package preflight.probe;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.function.Predicate;
import javax.net.SocketFactory;

import okhttp3.Dns;

/**
 * Which addresses a probe may connect to. With no allow-list of hosts, a template could point a
 * probe at the machine Preflight runs on or its network (a database port, the cloud's metadata
 * service at 169.254.169.254): loopback, link-local, private and unique-local addresses are
 * refused unless {@code PREFLIGHT_PROBE_ALLOW_PRIVATE} is set. An allow-list is the operator's own
 * choice of hosts, internal or not.
 */
final class AddressPolicy {

    private final Predicate<InetAddress> refused;

    AddressPolicy(boolean allowPrivate, boolean hostsListed) {
        this(allowPrivate || hostsListed ? address -> false : AddressPolicy::internal);
    }

    /** Tests say which addresses count as internal: every local test server is on loopback. */
    AddressPolicy(Predicate<InetAddress> refused) {
        this.refused = refused;
    }

    boolean permits(InetAddress address) {
        return !refused.test(address);
    }

    /** A socket that checks the address it is actually about to connect to, whatever name led there. */
    Socket socket() {
        return new Socket() {
            @Override
            public void connect(SocketAddress endpoint, int timeout) throws java.io.IOException {
                check(endpoint);
                super.connect(endpoint, timeout);
            }
        };
    }

    /** @throws Refused when the address may not be probed; UnknownHostException when the name did not resolve */
    void check(SocketAddress endpoint) throws java.io.IOException {
        if (!(endpoint instanceof InetSocketAddress socketAddress)) {
            throw new Refused("probes connect only to internet addresses");
        }
        if (socketAddress.isUnresolved()) {
            throw new UnknownHostException(socketAddress.getHostString());
        }
        if (!permits(socketAddress.getAddress())) {
            throw new Refused(refusal(socketAddress.getHostString(), socketAddress.getAddress()));
        }
    }

    /**
     * A resolver for HTTP probes that answers a name only when every address it resolves to may be probed.
     * OkHttp connects to exactly the addresses this returns, so a name cannot be checked on one lookup and
     * connected on another (DNS rebinding). Refusing the whole name rather than dropping its internal
     * addresses keeps the result honest: the probe names the internal address instead of silently testing
     * a part of what users reach.
     */
    Dns dns(Dns resolver) {
        return host -> {
            List<InetAddress> addresses = resolver.lookup(host);
            for (InetAddress address : addresses) {
                if (!permits(address)) {
                    // a Dns may throw only UnknownHostException: the refusal rides as its cause (Failures)
                    String refusal = refusal(host, address);
                    throw (UnknownHostException) new UnknownHostException(refusal).initCause(new Refused(refusal));
                }
            }
            return addresses;
        };
    }

    /**
     * Unconnected sockets from {@link #socket()}, for OkHttp: it resolves no IP literal through its Dns, and
     * this way even a connection no Dns answer led to is checked.
     */
    SocketFactory socketFactory() {
        return new SocketFactory() {
            @Override
            public Socket createSocket() {
                return socket();
            }

            // OkHttp asks only for unconnected sockets; these would connect before anything could check
            @Override
            public Socket createSocket(String host, int port) {
                throw connectedSocketRefused();
            }

            @Override
            public Socket createSocket(String host, int port, InetAddress localAddress, int localPort) {
                throw connectedSocketRefused();
            }

            @Override
            public Socket createSocket(InetAddress address, int port) {
                throw connectedSocketRefused();
            }

            @Override
            public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) {
                throw connectedSocketRefused();
            }
        };
    }

    private static UnsupportedOperationException connectedSocketRefused() {
        return new UnsupportedOperationException("probes create unconnected sockets");
    }

    static String refusal(String host, InetAddress address) {
        String shown = host == null || host.equals(address.getHostAddress()) ? address.getHostAddress()
                : host + " (" + address.getHostAddress() + ")";
        return shown + " is a loopback, link-local or private address; probes may reach it only with"
                + " PREFLIGHT_PROBE_ALLOW_PRIVATE=true or the host in PREFLIGHT_PROBE_ALLOWED_HOSTS";
    }

    static boolean internal(InetAddress address) {
        if (address instanceof Inet6Address v6) {
            byte[] bytes = v6.getAddress();
            boolean v4Mapped = true;
            for (int i = 0; i < 10; i++) {
                v4Mapped &= bytes[i] == 0;
            }
            if (v4Mapped && (bytes[10] & 0xff) == 0xff && (bytes[11] & 0xff) == 0xff) {
                try {
                    return internal(InetAddress.getByAddress(new byte[] {bytes[12], bytes[13], bytes[14], bytes[15]}));
                } catch (UnknownHostException e) {
                    return true;
                }
            }
            boolean uniqueLocal = (bytes[0] & 0xfe) == 0xfc;
            return uniqueLocal || v6.isLoopbackAddress() || v6.isLinkLocalAddress() || v6.isSiteLocalAddress()
                    || v6.isAnyLocalAddress() || v6.isMulticastAddress();
        }
        if (address instanceof Inet4Address v4) {
            byte[] bytes = v4.getAddress();
            int first = bytes[0] & 0xff;
            int second = bytes[1] & 0xff;
            boolean carrierNat = first == 100 && second >= 64 && second <= 127;
            return v4.isLoopbackAddress() || v4.isLinkLocalAddress() || v4.isSiteLocalAddress()
                    || v4.isAnyLocalAddress() || v4.isMulticastAddress() || carrierNat || first == 0;
        }
        return true;
    }

    /** A connection the policy refused; its message is the probe's result. */
    static final class Refused extends SocketException {

        Refused(String message) {
            super(message);
        }
    }
}
