using System.Collections.Generic;
using NatDsl.Formats;
using NatDsl.Model;

namespace NatDsl.Analysis.Diff;

/// <summary>
/// Compares two rules field by field: how similar they are (to pair a missing rule with an extra
/// one) and a short explanation of what differs.
/// </summary>
internal static class RuleFieldComparison
{
    /// <summary>
    /// Counts the parts present on either side (header fields, matches paired by module and
    /// occurrence, target) and how many of them are equal.
    /// </summary>
    public static void Score(Rule expected, Rule actual, out int same, out int union)
    {
        same = 0;
        union = 0;
        Count(expected.Source, actual.Source, ref same, ref union);
        Count(expected.Destination, actual.Destination, ref same, ref union);
        Count(expected.InInterface, actual.InInterface, ref same, ref union);
        Count(expected.OutInterface, actual.OutInterface, ref same, ref union);
        Count(expected.Protocol, actual.Protocol, ref same, ref union);
        Count(expected.Fragment, actual.Fragment, ref same, ref union);
        Count(expected.Target, actual.Target, ref same, ref union);
        var e = expected.Matches;
        var a = actual.Matches;
        for (var i = 0; i < e.Count; i++)
        {
            union++;
            var partner = Partner(e, i, a);
            if (partner is not null && partner.Equals(e[i])) same++;
        }
        for (var j = 0; j < a.Count; j++)
        {
            if (Partner(a, j, e) is null) union++;
        }
    }

    /// <summary>
    /// The parts that differ, e.g. <c>destination 10.0.0.1/32 vs 10.0.0.2/32; target KUBE-SVC-A vs KUBE-SVC-B</c>.
    /// Counters are included when <paramref name="compareCounters"/> is set and they are not equivalent.
    /// </summary>
    public static string Explain(Rule expected, Rule actual, bool compareCounters)
    {
        var parts = new List<string>();
        Field(parts, "source", expected.Source, actual.Source, "any");
        Field(parts, "destination", expected.Destination, actual.Destination, "any");
        Field(parts, "in-interface", expected.InInterface, actual.InInterface, "any");
        Field(parts, "out-interface", expected.OutInterface, actual.OutInterface, "any");
        if (!Equals(expected.Protocol, actual.Protocol))
        {
            parts.Add("protocol " + Protocol(expected.Protocol) + " vs " + Protocol(actual.Protocol));
        }
        Field(parts, "fragment", expected.Fragment, actual.Fragment, "not given");
        Matches(parts, expected.Matches, actual.Matches);
        Target(parts, expected.Target, actual.Target);
        if (compareCounters && !CounterEquivalence.Equivalent(expected.Counters, actual.Counters))
        {
            parts.Add("counters " + expected.Counters!.Value + " vs " + actual.Counters!.Value);
        }
        return parts.Count == 0 ? "no difference" : string.Join("; ", parts.ToArray());
    }

    private static void Count(object? left, object? right, ref int same, ref int union)
    {
        if (left is null && right is null) return;
        union++;
        if (Equals(left, right)) same++;
    }

    /// <summary>The match of <paramref name="other"/> with the same module and the same occurrence number as <c>list[index]</c>.</summary>
    private static Match? Partner(ValueList<Match> list, int index, ValueList<Match> other)
    {
        var module = list[index].Module;
        var occurrence = 0;
        for (var i = 0; i < index; i++)
        {
            if (list[i].Module == module) occurrence++;
        }
        foreach (var candidate in other)
        {
            if (candidate.Module != module) continue;
            if (occurrence == 0) return candidate;
            occurrence--;
        }
        return null;
    }

    private static void Field<T>(List<string> parts, string name, Negatable<T>? left, Negatable<T>? right, string none)
    {
        if (Equals(left, right)) return;
        parts.Add(name + " " + ValueDescription.Of(left, none) + " vs " + ValueDescription.Of(right, none));
    }

    private static string Protocol(Negatable<int>? protocol) =>
        protocol is null ? "all" : (protocol.Inverted ? "! " : string.Empty) + ProtocolNames.ListingName(protocol.Value);

    private static void Matches(List<string> parts, ValueList<Match> expected, ValueList<Match> actual)
    {
        if (expected.Equals(actual)) return;
        var before = parts.Count;
        for (var i = 0; i < expected.Count; i++)
        {
            var match = expected[i];
            var partner = Partner(expected, i, actual);
            if (partner is null) parts.Add("match " + match.Module + " only in expected");
            else if (!partner.Equals(match)) parts.Add(MatchDifference(match, partner));
        }
        for (var j = 0; j < actual.Count; j++)
        {
            if (Partner(actual, j, expected) is null) parts.Add("match " + actual[j].Module + " only in actual");
        }
        if (parts.Count == before) parts.Add("match order differs");
    }

    private static string MatchDifference(Match expected, Match actual)
    {
        switch (expected)
        {
            case RawMatch rawExpected:
                return Opaque(rawExpected.Name, rawExpected.SaveText ?? rawExpected.ListingText, (actual as RawMatch)?.SaveText ?? (actual as RawMatch)?.ListingText);
            case CommentMatch comment when actual is CommentMatch other:
                return "comment \"" + comment.Text + "\" vs \"" + other.Text + "\"";
            case MarkMatch mark when actual is MarkMatch other:
                return "mark " + ValueDescription.Mark(mark.Value, mark.Mask, mark.Inverted) + " vs " + ValueDescription.Mark(other.Value, other.Mask, other.Inverted);
            case StatisticMatch statistic when actual is StatisticMatch other && statistic with { ProbabilityBits = other.ProbabilityBits } == other:
                return "statistic probability " + ValueDescription.Of(statistic.Probability) + " vs " + ValueDescription.Of(other.Probability);
        }
        if (actual is RawMatch raw) return Opaque(raw.Name, null, raw.SaveText ?? raw.ListingText);
        if (expected.GetType() != actual.GetType()) return "match " + expected.Module + " differs";
        return expected.Module + " " + ValueDescription.PropertyDifferences(expected, actual);
    }

    private static void Target(List<string> parts, Target? expected, Target? actual)
    {
        if (Equals(expected, actual)) return;
        if (expected is RawTarget rawExpected && actual is RawTarget rawActual && rawExpected.TargetName == rawActual.TargetName)
        {
            parts.Add(Opaque(rawExpected.TargetName, rawExpected.SaveText ?? rawExpected.ListingText, rawActual.SaveText ?? rawActual.ListingText));
            return;
        }
        if (expected is null || actual is null || expected.GetType() != actual.GetType() || expected.Name != actual.Name)
        {
            parts.Add("target " + (expected?.Name ?? "none") + " vs " + (actual?.Name ?? "none"));
            return;
        }
        if (expected is MarkTarget mark && actual is MarkTarget other)
        {
            parts.Add("target MARK " + ValueDescription.Mark(mark.Value, mark.Mask) + " vs " + ValueDescription.Mark(other.Value, other.Mask));
            return;
        }
        parts.Add("target " + expected.Name + " " + ValueDescription.PropertyDifferences(expected, actual));
    }

    private static string Opaque(string name, string? expectedText, string? actualText) =>
        "opaque extension " + name + " (\"" + (expectedText ?? string.Empty) + "\" vs \"" + (actualText ?? string.Empty) + "\")";
}
