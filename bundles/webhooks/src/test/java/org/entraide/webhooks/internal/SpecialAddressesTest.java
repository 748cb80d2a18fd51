package org.entraide.webhooks.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;

import org.entraide.api.problem.ProblemException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every range of the IANA special-purpose registries is refused at registration, with a 400 on {@code url}; the
 * addresses here are only classified, never connected to.
 */
class SpecialAddressesTest {
    private final UrlPolicy strict = new UrlPolicy(true, new AddressCheck(InternalTargets.NONE));

    @ParameterizedTest(name = "{0} is in {1}")
    @CsvSource({
        "0.0.0.0, 0.0.0.0/8", "0.1.2.3, 0.0.0.0/8",
        "10.1.2.3, 10.0.0.0/8",
        "100.64.0.1, 100.64.0.0/10", "100.100.100.200, 100.64.0.0/10", "100.127.255.254, 100.64.0.0/10",
        "127.0.0.1, 127.0.0.0/8", "127.255.255.254, 127.0.0.0/8",
        "169.254.169.254, 169.254.0.0/16",
        "172.16.0.1, 172.16.0.0/12", "172.31.255.255, 172.16.0.0/12",
        "192.0.0.1, 192.0.0.0/24", "192.0.0.170, 192.0.0.0/24",
        "192.0.2.1, 192.0.2.0/24",
        "192.31.196.1, 192.31.196.0/24",
        "192.52.193.1, 192.52.193.0/24",
        "192.88.99.1, 192.88.99.0/24",
        "192.168.1.1, 192.168.0.0/16",
        "192.175.48.1, 192.175.48.0/24",
        "198.18.0.1, 198.18.0.0/15", "198.19.255.254, 198.18.0.0/15",
        "198.51.100.1, 198.51.100.0/24",
        "203.0.113.1, 203.0.113.0/24",
        "224.0.0.1, 224.0.0.0/4", "239.255.255.250, 224.0.0.0/4",
        "240.0.0.1, 240.0.0.0/4", "255.255.255.254, 240.0.0.0/4",
        "255.255.255.255, 240.0.0.0/4",
        // IPv6: everything outside 2000::/3, then the special ranges inside it
        "::, ::/0", "::1, ::/0",
        "::ffff:127.0.0.1, 127.0.0.0/8", "::ffff:169.254.169.254, 169.254.0.0/16", "::ffff:100.100.100.200, 100.64.0.0/10",
        "::127.0.0.1, ::/0", "::a9fe:a9fe, ::/0",
        "64:ff9b::a9fe:a9fe, ::/0", "64:ff9b::7f00:1, ::/0", "64:ff9b::127.0.0.1, ::/0", "64:ff9b:1::a9fe:a9fe, ::/0",
        "100::1, ::/0",
        "2001::1, 2001::/23", "2001:0:4136:e378:8000:63bf:3fff:fdd2, 2001::/23", "2001:20::1, 2001::/23",
        "2001:db8::1, 2001:db8::/32",
        "2002:7f00:1::1, 2002::/16", "2002:a9fe:a9fe::1, 2002::/16", "2002:c0a8:101::1, 2002::/16",
        "2620:4f:8000::1, 2620:4f:8000::/48",
        "3fff::1, 3fff::/20",
        "5f00::1, ::/0",
        "fc00::1, ::/0", "fd12:3456::1, ::/0",
        "fe80::1, ::/0", "fec0::1, ::/0",
        "ff02::1, ::/0", "ff0e::1, ::/0"})
    void specialPurposeAddressIsRefused(String address, String range) throws Exception {
        InetAddress a = InetAddress.getByName(address);
        assertEquals(range, SpecialAddresses.rangeOf(a).map(Cidr::text).orElse("public"), address);
        String url = "https://" + (address.contains(":") ? "[" + address + "]" : address) + "/hook";
        ProblemException e = assertThrows(ProblemException.class, () -> strict.check(url), url);
        assertEquals(400, e.status(), url);
        assertEquals("url", e.errors().get(0).field(), url);
    }

    @ParameterizedTest
    @ValueSource(strings = {"100.63.255.255", "100.128.0.0", "172.15.255.255", "172.32.0.0", "198.17.255.255", "198.20.0.0",
        "192.0.1.1", "223.255.255.255", "2001:200::1", "2003::1", "3ffe:ffff::1"})
    void addressesJustOutsideTheRangesArePublic(String address) throws Exception {
        assertEquals("public", SpecialAddresses.rangeOf(InetAddress.getByName(address)).map(Cidr::text).orElse("public"), address);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0177.0.0.1", "0x7f.1", "0x7f000001", "2130706433", "127.1", "127.0.1", "017700000001",
        "127.0.0.01", "0x7f.0.0.1", "127.0.0.1.", "1.2.3", "example.0x10", "[fe80::1%25eth0]"})
    void ambiguousSpellingsOfAddressesAreRefused(String host) {
        ProblemException e = assertThrows(ProblemException.class, () -> strict.check("https://" + host + "/hook"), host);
        assertEquals(400, e.status(), host);
        assertEquals("url", e.errors().get(0).field(), host);
        assertTrue(!e.detail().contains("Exception"), "no Java names in " + e.detail());
    }

    @Test
    void hostNamesResolvingToASpecialAddressAreRefused() {
        UrlPolicy policy = new UrlPolicy(true, new AddressCheck(InternalTargets.NONE),
            host -> new InetAddress[] {InetAddress.getByName("127.0.0.1")});
        ProblemException e = assertThrows(ProblemException.class, () -> policy.check("https://receiver.test/hook"));
        assertTrue(e.errors().get(0).message().contains("127.0.0.0/8"), e.errors().get(0).message());
    }

    @Test
    void theAllowlistLetsListedRangesAndHostsThroughOnly() throws Exception {
        InternalTargets allowed = InternalTargets.parse(" 127.0.0.1/32, crm.internal , fd00::/8");
        AddressCheck check = new AddressCheck(allowed);
        assertTrue(check.refusal("127.0.0.1", InetAddress.getByName("127.0.0.1")).isEmpty());
        assertTrue(check.refusal("127.0.0.2", InetAddress.getByName("127.0.0.2")).isPresent(), "outside the listed /32");
        assertTrue(check.refusal("CRM.internal", InetAddress.getByName("10.0.0.5")).isEmpty(), "a listed host name");
        assertTrue(check.refusal("fd00::5", InetAddress.getByName("fd00::5")).isEmpty());
        assertTrue(new AddressCheck(InternalTargets.NONE).refusal("127.0.0.1", InetAddress.getByName("127.0.0.1")).isPresent(),
            "off by default");
        for (String bad : new String[] {"10.1/8", "127.0.0.1/33", "bad host!", "0177.0.0.1"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> InternalTargets.parse(bad), bad);
            assertTrue(e.getMessage().startsWith("allowed.internal.targets"), e.getMessage());
        }
    }
}
