namespace NatDsl.Formats.Save;

/// <summary>Options for rendering a table in <c>iptables -S</c> form.</summary>
public sealed record RulesRenderOptions
{
    /// <summary>Plain <c>iptables -S</c>.</summary>
    public static RulesRenderOptions Default { get; } = new RulesRenderOptions();

    /// <summary><c>iptables -v -S</c>: <c> -c P B</c> after each <c>-P</c> line and before each rule's target.</summary>
    public bool Counters { get; init; }

    /// <summary>Drop <c>! -i +</c>/<c>! -o +</c> as iptables-legacy 1.8.9 does.</summary>
    public bool OmitInvertedWildcardInterface { get; init; }

    /// <summary>The line ending, <c>"\n"</c> by default.</summary>
    public string LineEnding { get; init; } = "\n";
}
