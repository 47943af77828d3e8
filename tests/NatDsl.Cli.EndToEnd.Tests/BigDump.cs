using System.Globalization;
using System.Text;

namespace NatDsl.Cli.EndToEnd.Tests;

/// <summary>A large iptables-save dump (a cluster IP rule and a DNAT chain per service) whose reading takes the tool a while.</summary>
public static class BigDump
{
    /// <summary>The nat table of <paramref name="services"/> services (about 300 bytes each).</summary>
    public static string Save(int services)
    {
        var sb = new StringBuilder("*nat\n:PREROUTING ACCEPT [0:0]\n:INPUT ACCEPT [0:0]\n:OUTPUT ACCEPT [0:0]\n:POSTROUTING ACCEPT [0:0]\n:KUBE-SERVICES - [0:0]\n");
        for (var i = 0; i < services; i++) sb.Append(":KUBE-SEP-").Append(i.ToString("D16", CultureInfo.InvariantCulture)).Append(" - [0:0]\n");
        sb.Append("-A PREROUTING -m comment --comment \"kubernetes service portals\" -j KUBE-SERVICES\n");
        for (var i = 0; i < services; i++)
        {
            var n = i.ToString(CultureInfo.InvariantCulture);
            var chain = "KUBE-SEP-" + i.ToString("D16", CultureInfo.InvariantCulture);
            var address = ((i / 250) % 250).ToString(CultureInfo.InvariantCulture) + "." + (i % 250).ToString(CultureInfo.InvariantCulture);
            sb.Append("-A KUBE-SERVICES -d 10.96.").Append(address).Append("/32 -p tcp -m comment --comment \"ns/svc-").Append(n)
              .Append(":http cluster IP\" -m tcp --dport 80 -j ").Append(chain).Append('\n');
            sb.Append("-A ").Append(chain).Append(" -p tcp -m comment --comment \"ns/svc-").Append(n)
              .Append(":http\" -m tcp -j DNAT --to-destination 10.244.").Append(address).Append(":8080\n");
        }
        return sb.Append("COMMIT\n").ToString();
    }
}
