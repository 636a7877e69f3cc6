package id.outletkiosk.security;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A block of IP addresses written in CIDR notation ({@code 192.168.0.0/16}, {@code fc00::/7}, or one
 * address alone): who may read the store server's status page without its token. Written by an operator in
 * a setting, so parsing never looks a name up in DNS and refuses anything else with the problem in words.
 */
public record AddressRange(InetAddress network, int prefixLength) {

    /**
     * Loopback and the private ranges a store LAN uses (RFC 1918 and RFC 4193 for IPv4 and IPv6, and
     * IPv6 link-local): the manager's phone on the store's Wi-Fi is in, the internet is not.
     */
    public static final List<AddressRange> STORE_LAN = parseList(
            "127.0.0.0/8,::1,10.0.0.0/8,172.16.0.0/12,192.168.0.0/16,fc00::/7,fe80::/10");

    /** Written in place of a list that allows nobody. */
    public static final String NONE = "none";

    public AddressRange {
        int bits = network.getAddress().length * 8;
        if (prefixLength < 0 || prefixLength > bits) {
            throw new IllegalArgumentException("prefix /" + prefixLength + " is not 0 to " + bits);
        }
        network = masked(network, prefixLength);
    }

    /**
     * {@code 10.0.0.0/8}, {@code fe80::/10}, or one address ({@code 192.168.1.20}: just that one).
     *
     * @throws IllegalArgumentException phrased to follow the quoted value: "is not an address range like ..."
     */
    public static AddressRange parse(String text) {
        String trimmed = text.strip();
        int slash = trimmed.indexOf('/');
        String address = slash < 0 ? trimmed : trimmed.substring(0, slash);
        InetAddress network = literal(address);
        if (network == null) {
            throw new IllegalArgumentException("is not an address range like 192.168.0.0/16 or fc00::/7");
        }
        int bits = network.getAddress().length * 8;
        if (slash < 0) {
            return new AddressRange(network, bits);
        }
        String prefix = trimmed.substring(slash + 1);
        if (!prefix.matches("[0-9]{1,3}") || Integer.parseInt(prefix) > bits) {
            throw new IllegalArgumentException("has a prefix \"/" + prefix + "\" that is not a number from 0 to " + bits);
        }
        return new AddressRange(network, Integer.parseInt(prefix));
    }

    /**
     * Comma-separated ranges, or {@code none} for an empty list.
     *
     * @throws IllegalArgumentException naming the entry at fault
     */
    public static List<AddressRange> parseList(String text) {
        if (text.strip().equalsIgnoreCase(NONE)) {
            return List.of();
        }
        List<AddressRange> ranges = new ArrayList<>();
        for (String entry : text.split(",", -1)) {
            if (entry.isBlank()) {
                throw new IllegalArgumentException("has an empty entry: write ranges separated by commas, or none");
            }
            try {
                ranges.add(parse(entry));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("has \"" + entry.strip() + "\" that " + e.getMessage());
            }
        }
        return List.copyOf(ranges);
    }

    /** The list as {@link #parseList} reads it back. */
    public static String format(List<AddressRange> ranges) {
        return ranges.isEmpty() ? NONE : ranges.stream().map(AddressRange::toString).collect(Collectors.joining(","));
    }

    /** Whether {@code address} is in this range; an IPv4 address written as IPv6 (::ffff:10.0.0.5) counts as IPv4. */
    public boolean contains(InetAddress address) {
        InetAddress plain = unmapped(address);
        return Arrays.equals(masked(plain, prefixLength).getAddress(), network.getAddress());
    }

    /** Whether any of {@code ranges} holds {@code address}. */
    public static boolean anyContains(List<AddressRange> ranges, InetAddress address) {
        return ranges.stream().anyMatch(range -> range.contains(address));
    }

    /**
     * {@code 10.0.0.0/8}, {@code fc00::/7}, {@code ::1} for one address: as an operator writes it (Java alone
     * writes fc00:0:0:0:0:0:0:0).
     */
    @Override
    public String toString() {
        byte[] bytes = network.getAddress();
        String address = bytes.length == 4 ? network.getHostAddress() : shortIpv6(bytes);
        return prefixLength == bytes.length * 8 ? address : address + "/" + prefixLength;
    }

    /** RFC 5952: groups in lower-case hex, the longest run of two or more zero groups written as "::". */
    private static String shortIpv6(byte[] bytes) {
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = (bytes[2 * i] & 0xff) << 8 | bytes[2 * i + 1] & 0xff;
        }
        int bestStart = -1;
        int bestLength = 1;
        for (int start = 0; start < 8; start++) {
            int length = 0;
            while (start + length < 8 && groups[start + length] == 0) {
                length++;
            }
            if (length > bestLength) {
                bestStart = start;
                bestLength = length;
            }
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                text.append("::");
                i += bestLength - 1;
            } else {
                text.append(text.length() == 0 || text.charAt(text.length() - 1) == ':' ? "" : ":")
                        .append(Integer.toHexString(groups[i]));
            }
        }
        return text.toString();
    }

    /** Only IP literals: {@link InetAddress#getByName} would ask DNS about anything else. */
    private static InetAddress literal(String text) {
        boolean ipv4 = text.matches("[0-9]{1,3}(\\.[0-9]{1,3}){3}");
        boolean ipv6 = text.contains(":") && text.matches("[0-9A-Fa-f:.]+");
        if (!ipv4 && !ipv6) {
            return null;
        }
        try {
            return unmapped(InetAddress.getByName(text));
        } catch (UnknownHostException e) {
            return null; // 300.1.2.3, a malformed IPv6 literal: refused in words by the caller
        }
    }

    private static InetAddress unmapped(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (address instanceof Inet6Address && isIpv4Mapped(bytes)) {
            return byBytes(Arrays.copyOfRange(bytes, 12, 16));
        }
        return address;
    }

    private static boolean isIpv4Mapped(byte[] bytes) {
        for (int i = 0; i < 10; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return bytes[10] == (byte) 0xff && bytes[11] == (byte) 0xff;
    }

    private static InetAddress masked(InetAddress address, int prefixLength) {
        byte[] bytes = address.getAddress();
        for (int i = 0; i < bytes.length; i++) {
            int keep = Math.max(0, Math.min(8, prefixLength - i * 8));
            bytes[i] &= (byte) (0xff << (8 - keep));
        }
        return byBytes(bytes);
    }

    private static InetAddress byBytes(byte[] bytes) {
        try {
            return InetAddress.getByAddress(bytes); // an IPv4-mapped IPv6 address comes back as IPv4
        } catch (UnknownHostException e) {
            throw new IllegalStateException("an address of " + bytes.length + " bytes", e);
        }
    }
}
