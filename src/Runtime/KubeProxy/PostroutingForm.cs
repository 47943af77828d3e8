namespace NatDsl.KubeProxy;

/// <summary>How KUBE-POSTROUTING turns the masquerade mark into MASQUERADE.</summary>
public enum PostroutingForm
{
    /// <summary>One rule: <c>-m comment … -m mark --mark M/M -j MASQUERADE</c> (≤ v1.18).</summary>
    MarkMatchMasquerade,

    /// <summary>Three rules: RETURN unless marked, <c>MARK --xor-mark M</c>, MASQUERADE (current).</summary>
    ReturnXorMasquerade,
}
