package dev.filegate.api.config;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The production baseline (every profile but {@code dev} and {@code test}) refuses clear-text {@code http://} for the
 * URLs that carry bearer tokens, presigned URLs, file bytes or the token-verification key across a network, unless
 * {@value #ALLOW_KEY}{@code =true} says that the network is trusted (TLS terminated elsewhere is not such a case: the
 * URLs checked are the ones clients use, which then start with {@code https}).
 *
 * <p>Loopback hosts are always allowed: {@code localhost} and {@code *.localhost} (RFC 6761 reserves them for the
 * loopback interface and browsers resolve them there), {@code 127.0.0.0/8} and {@code [::1]}. Traffic to them never
 * leaves the machine, so there is nobody on the path to read it; that is a production build tried on one machine (the
 * compose file), not a deployment. Names are judged as written and never resolved: start-up must not depend on DNS, and
 * a name that resolves to loopback for the service may not for its clients. Private-range addresses are not loopback:
 * a LAN or a cluster network can be listened to.
 */
public final class InsecureHttp {

    /** Allows http:// where the production baseline asks for https://. */
    public static final String ALLOW_KEY = "deployment.allow-insecure-http";

    private static final Pattern IPV4_LOOPBACK = Pattern.compile("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");

    private final Settings settings;
    private final boolean enforced;

    private InsecureHttp(Settings settings, boolean enforced) {
        this.settings = settings;
        this.enforced = enforced;
    }

    /** The rule for the active profile; reads {@value #ALLOW_KEY} in every profile (it is documented for all). */
    public static InsecureHttp read(Settings s) {
        boolean allowed = s.bool(ALLOW_KEY, false);
        return new InsecureHttp(
                s, ServiceConfiguration.isProductionBaseline(ServiceConfiguration.profile(s)) && !allowed);
    }

    /**
     * Records a problem when {@code url} is clear text to a host that is not loopback and the rule is enforced.
     *
     * @param why what would travel in clear text, for the message
     */
    public void refuse(String key, URI url, String why) {
        if (enforced && url != null && crossesNetworkInClear(url)) {
            settings.problem(key + " is " + url + ": the production baseline needs https:// here (" + why
                    + "); set " + ALLOW_KEY + "=true (env " + Settings.envName(ALLOW_KEY)
                    + ") only where the network between the parties is trusted");
        }
    }

    /** Whether {@code url} is http:// to a host that is not loopback (see the class comment). */
    static boolean crossesNetworkInClear(URI url) {
        return "http".equalsIgnoreCase(url.getScheme()) && !isLoopback(url.getHost());
    }

    /** Whether {@code host} (as a URI gives it: IPv6 in brackets) names the loopback interface; never resolves names. */
    static boolean isLoopback(String host) {
        if (host == null || host.isEmpty()) {
            return false;
        }
        String h = host.toLowerCase(Locale.ROOT);
        if (h.endsWith(".")) {
            h = h.substring(0, h.length() - 1); // an absolute name: "localhost." is localhost
        }
        if (h.equals("localhost")
                || h.endsWith(".localhost")
                || IPV4_LOOPBACK.matcher(h).matches()) {
            return true;
        }
        if (h.startsWith("[") && h.endsWith("]")) {
            try {
                // An IPv6 literal: parsed, never looked up.
                return InetAddress.getByName(h.substring(1, h.length() - 1)).isLoopbackAddress();
            } catch (UnknownHostException e) {
                return false;
            }
        }
        return false;
    }
}
