package org.chatons.entraide.broker.counting;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.netty.handler.ipfilter.IpFilterRuleType;
import io.netty.handler.ipfilter.IpSubnetFilterRule;
import io.netty.util.NetUtil;
import jakarta.inject.Singleton;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.chatons.entraide.broker.config.CountingConfig;
import org.chatons.entraide.broker.config.StartupError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where a request comes from, for the per-network budget only: the connection's address, or, when the connection
 * comes from a reverse proxy listed in {@code broker.counting.trusted-proxies}, the right-most address of its
 * {@code X-Forwarded-For} that is not a trusted proxy. A header from anyone else is ignored: a client could write
 * any address in it. The address is used for the request and dropped; it is never logged nor kept.
 */
@Singleton
public final class ClientAddresses {

    private static final Logger LOG = LoggerFactory.getLogger(ClientAddresses.class);
    private static final String FORWARDED_FOR = "X-Forwarded-For";

    private final List<IpSubnetFilterRule> trusted;
    private final AtomicBoolean warned = new AtomicBoolean();

    public ClientAddresses(CountingConfig config) {
        this.trusted = new ArrayList<>();
        for (int i = 0; i < config.trustedProxies().size(); i++) {
            trusted.add(rule(config.trustedProxies().get(i), "broker.counting.trusted-proxies[" + i + "]"));
        }
    }

    /** The client's address, or null when the request has none (an in-process test request). */
    public InetAddress of(HttpRequest<?> request) {
        return of(request.getRemoteAddress(), request.getHeaders());
    }

    /** The same, from the address of the connection (null when there is none) and the request's headers. */
    public InetAddress of(InetSocketAddress peer, HttpHeaders headers) {
        if (peer == null || peer.getAddress() == null) {
            return null;
        }
        List<String> forwarded = headers.getAll(FORWARDED_FOR);
        if (forwarded.isEmpty()) {
            return peer.getAddress();
        }
        if (!isTrusted(peer.getAddress())) {
            if (trusted.isEmpty() && warned.compareAndSet(false, true)) {
                // Which peer is not said: it may be an end user's address.
                LOG.warn("Requests carry X-Forwarded-For but broker.counting.trusted-proxies is empty: if the broker "
                        + "is behind a reverse proxy, list it there, or every user counts as the proxy's network");
            }
            return peer.getAddress();
        }
        InetAddress client = peer.getAddress();
        for (int h = forwarded.size() - 1; h >= 0; h--) {
            String[] hops = forwarded.get(h).split(",");
            for (int k = hops.length - 1; k >= 0; k--) {
                InetAddress hop = NetUtil.createInetAddressFromIpAddressString(hops[k].strip());
                if (hop == null) {
                    return client;
                }
                client = hop;
                if (!isTrusted(hop)) {
                    return hop;
                }
            }
        }
        return client;
    }

    private boolean isTrusted(InetAddress address) {
        InetSocketAddress socket = new InetSocketAddress(address, 0);
        for (IpSubnetFilterRule rule : trusted) {
            if (rule.matches(socket)) {
                return true;
            }
        }
        return false;
    }

    /** An address or a CIDR range, by literal only: no name is looked up. */
    static IpSubnetFilterRule rule(String entry, String key) {
        String text = entry == null ? "" : entry.strip();
        int slash = text.indexOf('/');
        InetAddress address = NetUtil.createInetAddressFromIpAddressString(slash < 0 ? text : text.substring(0, slash));
        int bits = address == null ? 0 : address.getAddress().length * 8;
        int prefix = bits;
        if (slash >= 0) {
            try {
                prefix = Integer.parseInt(text.substring(slash + 1));
            } catch (NumberFormatException e) {
                prefix = -1;
            }
        }
        if (address == null || prefix < 0 || prefix > bits) {
            throw new StartupError(key + ": '" + entry
                    + "' (expected: an IP address or a CIDR range such as 10.0.0.0/8 or fd00::/8)");
        }
        return new IpSubnetFilterRule(address, prefix, IpFilterRuleType.ACCEPT);
    }
}
