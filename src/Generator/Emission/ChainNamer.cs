using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using NatDsl.Generator.Model;
using NatDsl.KubeProxy;
using NatDsl.Model;
using NatDsl.Spec;

namespace NatDsl.Generator.Emission;

/// <summary>
/// Names the chains of a compiled rule set for the generated <c>Chains</c> class. Hashed
/// per-service chains get names from the service port they belong to (found with the
/// runtime's own <see cref="ChainHashing"/>, never recomputed here): <c>KysServiceTest_8088_Tcp</c>
/// for KUBE-SVC, suffixes <c>_Local</c>, <c>_External</c>, <c>_Firewall</c>, <c>_ExternalLocal</c>
/// for KUBE-SVL/EXT/FW/XLB and <c>_Endpoint_10_254_28_6_8080</c> for KUBE-SEP. Every other chain
/// gets its own name in Pascal case (<c>KubeServices</c>). Names are made unique with a
/// numeric suffix, in rule-set order, so the output is deterministic.
/// </summary>
internal static class ChainNamer
{
    public static EquatableArray<ChainConstant> Name(ClusterSpec spec, RuleSet ruleSet)
    {
        var present = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var table in ruleSet.Tables)
        {
            foreach (var chain in table.Chains)
            {
                if (seen.Add(chain.Name)) present.Add(chain.Name);
            }
        }

        var semantic = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var service in spec.Services)
        {
            foreach (var port in service.Ports)
            {
                var portName = service.FullName + ":" + port.Name;
                var protocol = port.Protocol.ToString().ToLowerInvariant();
                var baseName = Pascal(service.Namespace) + Pascal(service.Name)
                    + (port.Name.Length > 0 ? "_" + Pascal(port.Name) : string.Empty)
                    + "_" + port.Port.ToString(CultureInfo.InvariantCulture) + "_" + Pascal(protocol);
                Add(semantic, ChainHashing.ServiceChain(portName, protocol), baseName);
                Add(semantic, ChainHashing.LocalServiceChain(portName, protocol), baseName + "_Local");
                Add(semantic, ChainHashing.ExternalChain(portName, protocol), baseName + "_External");
                Add(semantic, ChainHashing.FirewallChain(portName, protocol), baseName + "_Firewall");
                Add(semantic, ChainHashing.ExternalLocalChain(portName, protocol), baseName + "_ExternalLocal");
                foreach (var endpoint in service.Endpoints)
                {
                    foreach (var endpointPort in endpoint.Ports)
                    {
                        if (!string.Equals(endpointPort.Name, port.Name, StringComparison.Ordinal)) continue;
                        var address = endpoint.Address.ToString();
                        var text = (address.IndexOf(':') >= 0 ? "[" + address + "]" : address) + ":" + endpointPort.Port.ToString(CultureInfo.InvariantCulture);
                        Add(semantic, ChainHashing.EndpointChain(portName, protocol, text), baseName + "_Endpoint_" + Sanitize(address) + "_" + endpointPort.Port.ToString(CultureInfo.InvariantCulture));
                    }
                }
            }
        }

        var used = new HashSet<string>(StringComparer.Ordinal) { "Chains" };
        var constants = new List<ChainConstant>();
        foreach (var chain in present)
        {
            var identifier = semantic.TryGetValue(chain, out var name) ? name : Pascal(chain);
            if (identifier.Length == 0 || !(char.IsLetter(identifier[0]) || identifier[0] == '_')) identifier = "_" + identifier;
            var unique = identifier;
            for (var n = 2; !used.Add(unique); n++) unique = identifier + "_" + n.ToString(CultureInfo.InvariantCulture);
            constants.Add(new ChainConstant(unique, chain));
        }
        return constants.ToEquatableArray();
    }

    private static void Add(Dictionary<string, string> names, string chain, string name)
    {
        if (!names.ContainsKey(chain)) names.Add(chain, name);
    }

    /// <summary><c>service-test</c> → <c>ServiceTest</c>; <c>KUBE-MARK-MASQ</c> → <c>KubeMarkMasq</c>.</summary>
    public static string Pascal(string text)
    {
        var builder = new StringBuilder();
        var start = true;
        foreach (var c in text)
        {
            if (!char.IsLetterOrDigit(c) || c > 127)
            {
                start = true;
                continue;
            }
            builder.Append(start ? char.ToUpperInvariant(c) : char.ToLowerInvariant(c));
            start = false;
        }
        return builder.ToString();
    }

    private static string Sanitize(string text)
    {
        var builder = new StringBuilder();
        foreach (var c in text) builder.Append(char.IsLetterOrDigit(c) && c <= 127 ? c : '_');
        return builder.ToString();
    }
}
