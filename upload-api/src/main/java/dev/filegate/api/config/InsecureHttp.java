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
 * <p>Loopback hosts are allowed, judged as written and never resolved (start-up must not depend on DNS, and a name
 * that resolves to loopback for the service may not for its clients): traffic to them never leaves the machine, so
 * there is nobody on the path to read it; that is a production build tried on one machine (the compose file), not a
 * deployment. Which hosts are loopback depends on who resolves the name:
 *
 * <ul>
 *   <li>URLs that the service fetches ({@code mp.jwt.verify.publickey.location}, {@code storage.s3.endpoint}) or that
 *       any client uses (the public URLs: scripts and services call them as well as browsers): only {@code localhost}
 *       and loopback IP literals ({@code 127.0.0.0/8} in plain dotted decimal, {@code [::1]}). The JVM and most
 *       clients (glibc, Python, Go) resolve {@code localhost} from the hosts file, but send {@code x.localhost} and
 *       {@code localhost.} to DNS, where a cluster's search domains can turn them into another namespace's Service.
 *   <li>Browser origins ({@code storage.s3.cors-origins}), which only browsers send: {@code *.localhost} too, which
 *       browsers resolve to loopback themselves (RFC 6761).
 * </ul>
 *
 * A name with a trailing dot is never loopback (it is sent to DNS as written), nor a dotted quad in any but its plain
 * form ({@code 127.0.0.01}, {@code 0177.0.0.1}: leading zeros are decimal to the JVM and octal to browsers, so the
 * parties would disagree on the address). Private-range addresses are not loopback: a LAN or a cluster network can be
 * listened to.
 */
public final class InsecureHttp {

    /** Allows http:// where the production baseline asks for https://. */
    public static final String ALLOW_KEY = "deployment.allow-insecure-http";

    private static final String OCTET = "(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])";
    private static final Pattern IPV4_LOOPBACK = Pattern.compile("127\\." + OCTET + "\\." + OCTET + "\\." + OCTET);

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
     * Records a problem when {@code url} (fetched by the service, or used by any client) is clear text to a host that
     * is not loopback, and the rule is enforced.
     *
     * @param why what would travel in clear text, for the message
     */
    public void refuse(String key, URI url, String why) {
        refuse(key, url, why, false);
    }

    /** {@link #refuse} for a browser origin, which may also be a {@code *.localhost} name (see the class comment). */
    public void refuseOrigin(String key, URI origin, String why) {
        refuse(key, origin, why, true);
    }

    private void refuse(String key, URI url, String why, boolean browsersOnly) {
        if (enforced && url != null && crossesNetworkInClear(url, browsersOnly)) {
            settings.problem(key + " is " + url + ": the production baseline needs https:// here (" + why
                    + "); set " + ALLOW_KEY + "=true (env " + Settings.envName(ALLOW_KEY)
                    + ") only where the network between the parties is trusted");
        }
    }

    /** Whether {@code url} is http:// to a host that is not loopback (see the class comment). */
    static boolean crossesNetworkInClear(URI url, boolean browsersOnly) {
        return "http".equalsIgnoreCase(url.getScheme()) && !isLoopback(url.getHost(), browsersOnly);
    }

    /**
     * Whether {@code host} (as a URI gives it: IPv6 in brackets) names the loopback interface for whoever resolves it;
     * never resolves names.
     *
     * @param browsersOnly only browsers resolve it, which take {@code *.localhost} to loopback
     */
    static boolean isLoopback(String host, boolean browsersOnly) {
        if (host == null || host.isEmpty()) {
            return false;
        }
        String h = host.toLowerCase(Locale.ROOT);
        if (h.equals("localhost")
                || browsersOnly && h.endsWith(".localhost") && !h.startsWith(".") && !h.contains("..")
                || IPV4_LOOPBACK.matcher(h).matches()) {
            return true;
        }
        if (h.startsWith("[") && h.endsWith("]")) {
            try {
                // An IPv6 literal: in brackets, the JVM parses it and never looks it up.
                return InetAddress.getByName(h).isLoopbackAddress();
            } catch (UnknownHostException e) {
                return false;
            }
        }
        return false;
    }
}
