namespace NatDsl.Tests.Integration;

/// <summary>
/// The places where iptables 1.8.9 does not print back what it was given, by backend
/// (iptables-formats.md §5). Each is asserted where a test meets it, never skipped.
/// </summary>
public enum Iptables189Quirk
{
    /// <summary>iptables-legacy-save and <c>iptables-legacy -S</c> drop <c>! -i +</c> / <c>! -o +</c> (listings keep <c>!+</c>).</summary>
    LegacyDropsInvertedWildcardInterface,

    /// <summary>
    /// iptables-legacy keeps <c>-i +</c> / <c>-o +</c> (any interface) in the kernel: its listing
    /// shows <c>+</c> in the in/out column while its save omits the option (nft stores nothing).
    /// The model reads it as no interface, as the save shows it.
    /// </summary>
    LegacyListsWildcardInterface,

    /// <summary>
    /// iptables-nft stores tcp/udp <c>! --dport 0:N</c> (and <c>! --sport 0:N</c>) as
    /// <c>--dport N+1:65535</c>; not in a tcp match with <c>--tcp-option</c>, which stays a compat match.
    /// </summary>
    NftRewritesInvertedLowPortRange,

    /// <summary>iptables-nft-restore rejects the whole batch for <c>! -s 0.0.0.0/0</c> / <c>! -d …/0</c> (RULE_APPEND failed (Invalid argument)).</summary>
    NftRejectsInvertedAnyAddress,

    /// <summary>
    /// iptables-nft translates tcp matches of ports and flags to native expressions and prints
    /// them back its own way (observed): <c>! --tcp-flags NONE NONE</c>, <c>--tcp-flags NONE SYN</c>
    /// and <c>! --dport 0:65535</c> vanish, with their match when nothing else is in it (an empty
    /// <c>-p tcp -m tcp</c> stays); tcp port matches of one rule merge into the first, even across
    /// other matches (the later port wins). A match with <c>--tcp-option</c> stays as written.
    /// </summary>
    NftTranslatesTcpMatches,

    /// <summary>ip6tables-nft-restore 1.8.9 ignores the <c>[p:b]</c> rule counters of <c>-c</c> (all 0 after loading); policy counters are applied.</summary>
    Ip6NftIgnoresRestoreCounters,
}
