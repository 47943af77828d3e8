namespace NatDsl.Model;

/// <summary><c>-m nfacct --nfacct-name NAME</c> (kube-proxy's localhost NodePort counters).</summary>
public sealed record NfacctMatch(string Name) : Match
{
    /// <inheritdoc />
    public override string Module => "nfacct";
}
