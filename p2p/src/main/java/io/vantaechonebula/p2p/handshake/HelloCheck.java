package io.vantaechonebula.p2p.handshake;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Whether a node can be a peer of this one, going by its hello alone (docs/p2p-spec.md §2, H1–H5):
 * the hello is authentic, not from this node, speaks this protocol version, has a clock close enough,
 * and shares at least one chain with the same genesis and none with a different one; the address it gives,
 * if any, is {@code http(s)://host:port} (P10).
 */
public final class HelloCheck {

    private final long maxClockSkewMs;

    public HelloCheck(long maxClockSkewMs) {
        this.maxClockSkewMs = maxClockSkewMs;
    }

    public Optional<Refusal> check(Hello ours, Hello theirs, long nowMs) {
        if (!theirs.isAuthentic()) {
            return refuse(Refusal.Reason.NOT_AUTHENTIC, "H1: the hello of " + theirs.nodeId()
                    + " is not signed by the key it names, or its node id is not that key's address");
        }
        if (theirs.nodeId().equals(ours.nodeId())) {
            return refuse(Refusal.Reason.SELF, "H2: that is this node itself (" + ours.nodeId() + ")");
        }
        if (theirs.protocolVersion() != ours.protocolVersion()) {
            return refuse(Refusal.Reason.VERSION, "H3: protocol version " + theirs.protocolVersion() + ", this node speaks "
                    + ours.protocolVersion() + "; run the same release on both");
        }
        Optional<String> badAddress = theirs.address().isEmpty() ? Optional.empty() : PeerAddress.problemWith(theirs.address());
        if (badAddress.isPresent()) {
            return refuse(Refusal.Reason.BAD_ADDRESS, "P10: the hello's address is not usable: " + badAddress.get());
        }
        long skew = Math.abs(theirs.timestampMs() - nowMs);
        if (skew > maxClockSkewMs) {
            return refuse(Refusal.Reason.CLOCK, "H4: the clocks differ by " + skew + " ms, more than the " + maxClockSkewMs
                    + " ms allowed; synchronise both with NTP");
        }
        Map<String, ChainHead> mine = ours.chains().stream().collect(Collectors.toMap(ChainHead::chainId, Function.identity()));
        int shared = 0;
        for (ChainHead chain : theirs.chains()) {
            ChainHead own = mine.get(chain.chainId());
            if (own == null) {
                continue;
            }
            if (!own.genesis().equals(chain.genesis())) {
                return refuse(Refusal.Reason.GENESIS, "H5: chain " + chain.chainId() + " has genesis " + chain.genesis()
                        + " there and " + own.genesis() + " here; the two nodes run different networks");
            }
            shared++;
        }
        if (shared == 0) {
            return refuse(Refusal.Reason.NO_SHARED_CHAIN, "H5: no chain in common: that node has "
                    + theirs.chains().stream().map(ChainHead::chainId).toList() + ", this one " + mine.keySet());
        }
        return Optional.empty();
    }

    private static Optional<Refusal> refuse(Refusal.Reason reason, String detail) {
        return Optional.of(new Refusal(reason, detail));
    }
}
