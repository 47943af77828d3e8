namespace NatDsl.Formats.Save;

/// <summary>How <see cref="RuleWriter"/> writes a rule line.</summary>
internal readonly struct RuleWriteOptions
{
    public RuleWriteOptions(bool omitInvertedWildcardInterface, bool inlineCounters, bool lenient)
    {
        OmitInvertedWildcardInterface = omitInvertedWildcardInterface;
        InlineCounters = inlineCounters;
        Lenient = lenient;
    }

    /// <summary>Drop <c>! -i +</c>/<c>! -o +</c> as iptables-legacy-save 1.8.9 does.</summary>
    public bool OmitInvertedWildcardInterface { get; }

    /// <summary>Write <c>-c P B</c> before the target (<c>iptables -v -S</c>).</summary>
    public bool InlineCounters { get; }

    /// <summary>Write a marker instead of failing for items that have no save form (raw items read from a listing).</summary>
    public bool Lenient { get; }
}
