using System;
using System.Collections.Generic;
using System.Globalization;
using NatDsl.KubeProxy;
using NatDsl.Model;
using NatDsl.Spec;

namespace NatDsl.Cli.Import;

/// <summary>
/// Tells which kube-proxy generation wrote a dump. V1_12 (1.12–1.16): no comments on KUBE-SVC and
/// KUBE-SEP rules, probabilities written with <c>%0.5f</c>, the colon kept in unnamed port names
/// (<c>"ns/svc: cluster IP"</c>), KUBE-XLB chains, masquerade jumps in KUBE-SERVICES. Current:
/// KUBE-SVL/KUBE-EXT chains, comments on endpoint rules, <c>%0.10f</c> probabilities, the three-rule
/// KUBE-POSTROUTING. The generation with more fingerprints wins; none at all means Current.
/// </summary>
internal static class ProfileDetector
{
    public static ProfileDetection Detect(RuleSet dump)
    {
        var legacy = new List<string>();
        var current = new List<string>();
        var nat = dump.FindTable("nat");
        var filter = dump.FindTable("filter");

        if (nat is not null)
        {
            int svl = 0, ext = 0, xlb = 0, commented = 0, bare = 0;
            int fiveDecimals = 0, tenDecimals = 0;
            foreach (var chain in nat.Chains)
            {
                var name = chain.Name;
                if (name.StartsWith(ChainHashing.LocalServicePrefix, StringComparison.Ordinal)) svl++;
                if (name.StartsWith(ChainHashing.ExternalPrefix, StringComparison.Ordinal)) ext++;
                if (name.StartsWith(ChainHashing.ExternalLocalPrefix, StringComparison.Ordinal)) xlb++;
                var isService = name.StartsWith(ChainHashing.ServicePrefix, StringComparison.Ordinal);
                if (isService || name.StartsWith(ChainHashing.EndpointPrefix, StringComparison.Ordinal))
                {
                    foreach (var rule in chain.Rules)
                    {
                        // The cluster-IP masquerade rule of the current KUBE-SVC chains always has a comment.
                        if (RuleFacts.Jump(rule) == "KUBE-MARK-MASQ" && isService) continue;
                        if (RuleFacts.Comment(rule) is null) bare++;
                        else commented++;
                    }
                }
                if (isService) CountProbabilities(chain, ref fiveDecimals, ref tenDecimals);
            }
            if (svl > 0) current.Add(Count(svl, "KUBE-SVL chain"));
            if (ext > 0) current.Add(Count(ext, "KUBE-EXT chain"));
            if (xlb > 0) legacy.Add(Count(xlb, "KUBE-XLB chain"));
            if (commented > 0) current.Add(Count(commented, "KUBE-SVC/KUBE-SEP rule") + " with comments");
            if (bare > 0 && commented == 0) legacy.Add("no comments on " + Count(bare, "KUBE-SVC/KUBE-SEP rule"));
            if (fiveDecimals > 0) legacy.Add(Count(fiveDecimals, "probability", "probabilities") + " written with %0.5f");
            if (tenDecimals > 0) current.Add(Count(tenDecimals, "probability", "probabilities") + " written with %0.10f");

            int colon = 0, noColon = 0, masqueradeInServices = 0;
            foreach (var rule in nat.FindChain("KUBE-SERVICES")?.Rules ?? ValueList<Rule>.Empty)
            {
                if (!ServiceCommentText.TryRead(RuleFacts.Comment(rule), out var n, out _)) continue;
                if (n.EndsWith(":", StringComparison.Ordinal)) colon++;
                else if (n.IndexOf(':') < 0) noColon++;
                if (RuleFacts.Jump(rule) == "KUBE-MARK-MASQ") masqueradeInServices++;
            }
            if (colon > 0) legacy.Add(Count(colon, "unnamed port rule") + " keeping the colon (\"ns/name: …\")");
            if (noColon > 0) current.Add(Count(noColon, "unnamed port rule") + " without the colon");
            if (masqueradeInServices > 0) legacy.Add(Count(masqueradeInServices, "KUBE-MARK-MASQ jump") + " in KUBE-SERVICES");

            var postrouting = nat.FindChain("KUBE-POSTROUTING");
            if (postrouting is not null && postrouting.Rules.Count > 0)
            {
                if (postrouting.Rules.Count == 1 && RuleFacts.Has<MarkMatch>(postrouting.Rules[0])) legacy.Add("a one-rule KUBE-POSTROUTING (mark match, MASQUERADE)");
                else if (postrouting.Rules[0].Target is VerdictTarget { Verdict: Verdict.Return }) current.Add("the three-rule KUBE-POSTROUTING (RETURN, MARK xor, MASQUERADE)");
            }
            if (nat.FindChain("KUBE-PROXY-CANARY") is not null) current.Add("a KUBE-PROXY-CANARY chain");
        }
        if (filter?.FindChain("KUBE-PROXY-FIREWALL") is not null) current.Add("a filter KUBE-PROXY-FIREWALL chain");

        var evidence = new List<string>();
        KubeProxyProfile profile;
        if (legacy.Count > current.Count)
        {
            profile = KubeProxyProfile.V1_12;
            evidence.AddRange(legacy);
        }
        else
        {
            profile = KubeProxyProfile.Current;
            evidence.AddRange(current);
            if (current.Count == 0) evidence.Add("no fingerprint of either generation; Current is the default");
        }
        var conflicting = legacy.Count > 0 && current.Count > 0;
        if (conflicting)
        {
            var other = profile == KubeProxyProfile.V1_12 ? current : legacy;
            evidence.Add("but also " + string.Join(", ", other) + " (a kube-proxy between the two generations, 1.17-1.18, is not modelled)");
        }
        return new ProfileDetection(profile, evidence, conflicting);
    }

    /// <summary>
    /// Compares each statistic probability of a service chain with what kube-proxy writes for the
    /// endpoints left (k = 1/(n-i)): a value only one of <c>%0.5f</c> and <c>%0.10f</c> produces counts for it.
    /// </summary>
    private static void CountProbabilities(Chain chain, ref int five, ref int ten)
    {
        var jumps = new List<Rule>();
        foreach (var rule in chain.Rules)
        {
            if (RuleFacts.JumpsTo(rule, ChainHashing.EndpointPrefix) && !RuleFacts.Has<RecentMatch>(rule)) jumps.Add(rule);
        }
        for (var i = 0; i < jumps.Count; i++)
        {
            if (RuleFacts.First<StatisticMatch>(jumps[i]) is not { Mode: StatisticMode.Random } statistic) continue;
            var left = jumps.Count - i;
            var asFive = Probability.Match(left, 5).ProbabilityBits == statistic.ProbabilityBits;
            var asTen = Probability.Match(left, 10).ProbabilityBits == statistic.ProbabilityBits;
            if (asFive && !asTen) five++;
            if (asTen && !asFive) ten++;
        }
    }

    private static string Count(int n, string singular, string? plural = null) =>
        n.ToString(CultureInfo.InvariantCulture) + " " + (n == 1 ? singular : plural ?? singular + "s");
}
