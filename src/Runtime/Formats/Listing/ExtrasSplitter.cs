using System;
using System.Collections.Generic;
using NatDsl.Model;

namespace NatDsl.Formats.Listing;

/// <summary>
/// Splits the free text after a rule's destination (each extension text begins with one space)
/// into typed matches, raw matches and the target's text.
/// </summary>
/// <remarks>
/// A listing does not delimit extensions, so the splitter searches all ways to cover the text with
/// known match texts (<see cref="MatchTextReader"/>), words of unknown text (merged into one
/// <see cref="RawMatch"/> per run) and finally the target's text, and keeps the cheapest: fewest
/// unknown words first, then fewest items. A comment therefore ends at the last <c> */</c> after
/// which the rest of the text still reads as known extensions (<c>/* /* nested */ */</c> is one
/// comment; so is <c>/* a */ /* b */</c>, which no listing can tell from two). Every reading is
/// checked by writing it back, so the split never changes the rendered text.
/// </remarks>
internal static class ExtrasSplitter
{
    private const int UnknownWordCost = 2;
    private const int UnreadTargetCost = 1;

    /// <summary>Splits <paramref name="extras"/> (empty, or starting with a space).</summary>
    /// <param name="extras">The text after the destination (and after <c>[goto] </c>), right-trimmed.</param>
    /// <param name="targetName">The target column (empty for no target).</param>
    /// <param name="fixedTarget">The target when the column names a verdict or a chain (prints no text).</param>
    /// <param name="context">The rule's family and protocol.</param>
    public static (ValueList<Match> Matches, Target? Target) Split(string extras, string targetName, Target? fixedTarget, ExtensionContext context) =>
        Split(extras, 0, extras.Length, targetName, fixedTarget, context);

    /// <summary>Splits the extension text <c>text[start..end)</c> (empty, or starting with a space).</summary>
    /// <remarks>
    /// With a <paramref name="fixedTarget"/> or no target, the target is <paramref name="fixedTarget"/>
    /// and the matches depend only on the text and <paramref name="context"/>.
    /// </remarks>
    public static (ValueList<Match> Matches, Target? Target) Split(string text, int start, int end, string targetName, Target? fixedTarget, ExtensionContext context)
    {
        var n = end - start;
        // Work arrays reused from rule to rule (every position is written before it is read);
        // positions are relative to start.
        var cost = Reuse(ref _cost, n + 1);
        var items = Reuse(ref _items, n + 1);
        var step = Reuse(ref _step, n + 1);
        var candidates = _candidates ??= new List<(int End, Match Match)>();
        for (var i = n; i >= 0; i--)
        {
            cost[i] = int.MaxValue;
            if (i < n && text[start + i] != ' ') continue;
            if (FinishTarget(text, start + i, end, targetName, fixedTarget, context) is { } finish)
            {
                Offer(i, finish.Cost, i < n ? 1 : 0, new Step(StepKind.Target, n, null, finish.Target));
            }
            if (i == n) continue;
            candidates.Clear();
            MatchTextReader.Candidates(text, start + i + 1, end, context, candidates);
            foreach (var (matchEnd, match) in candidates)
            {
                var relativeEnd = matchEnd - start;
                if (cost[relativeEnd] == int.MaxValue) continue;
                Offer(i, cost[relativeEnd], items[relativeEnd] + 1, new Step(StepKind.Match, relativeEnd, match, null));
            }
            var wordEnd = text.IndexOf(' ', start + i + 1, n - i - 1);
            wordEnd = wordEnd < 0 ? n : wordEnd - start;
            if (cost[wordEnd] != int.MaxValue) Offer(i, cost[wordEnd] + UnknownWordCost, items[wordEnd] + 1, new Step(StepKind.Word, wordEnd, null, null));
        }

        var matches = _matches ??= new List<Match>();
        matches.Clear();
        Target? target = null;
        var at = 0;
        var rawStart = -1;
        while (true)
        {
            var s = step[at];
            if (s.Kind != StepKind.Word && rawStart >= 0)
            {
                matches.Add(Raw(text.Substring(start + rawStart + 1, at - rawStart - 1)));
                rawStart = -1;
            }
            if (s.Kind == StepKind.Target)
            {
                target = s.Target;
                break;
            }
            if (s.Kind == StepKind.Match) matches.Add(s.Match!);
            else if (rawStart < 0) rawStart = at;
            at = s.End;
        }
        Array.Clear(step, 0, n + 1);
        candidates.Clear();
        var list = matches.Count == 1 && MatchTextReader.SharedSingle(matches[0]) is { } shared ? shared : matches.ToValueList();
        matches.Clear();
        return (list, target);

        void Offer(int pos, int c, int count, Step s)
        {
            if (c < cost[pos] || (c == cost[pos] && count < items[pos]))
            {
                cost[pos] = c;
                items[pos] = count;
                step[pos] = s;
            }
        }
    }

    [ThreadStatic]
    private static List<Match>? _matches;

    [ThreadStatic]
    private static int[]? _cost;

    [ThreadStatic]
    private static int[]? _items;

    [ThreadStatic]
    private static Step[]? _step;

    [ThreadStatic]
    private static List<(int End, Match Match)>? _candidates;

    private static T[] Reuse<T>(ref T[]? array, int length)
    {
        if (array is null || array.Length < length) array = new T[Math.Max(length, 256)];
        return array;
    }

    /// <summary>The target read from the text starting at <paramref name="at"/> (a space, or the end), with its cost.</summary>
    private static (Target? Target, int Cost)? FinishTarget(string text, int at, int end, string name, Target? fixedTarget, ExtensionContext context)
    {
        var empty = at >= end;
        if (name.Length == 0 || fixedTarget is not null) return empty ? (fixedTarget, 0) : null;
        var keywords = TargetTextReader.Keywords(name);
        if (keywords.Length > 0)
        {
            if (!empty && !StartsWithAny(text, at + 1, end, keywords)) return null;
            if (TargetTextReader.Read(name, text, empty ? end : at + 1, end, context.Family) is { } typed) return (typed, 0);
            return (new RawTarget(name, null, empty ? string.Empty : text.Substring(at + 1, end - at - 1)), UnreadTargetCost);
        }
        // An extension target the model does not know: its text, if any, usually starts with its name.
        if (empty) return (new RawTarget(name, null, string.Empty), 0);
        return StartsWith(text, at + 1, end, name) ? (new RawTarget(name, null, text.Substring(at + 1, end - at - 1)), 0) : null;
    }

    /// <summary>True when a word of <paramref name="words"/> starts at <paramref name="start"/> (a keyword ending in ':' may run on).</summary>
    private static bool StartsWithAny(string text, int start, int end, string[] words)
    {
        foreach (var word in words)
        {
            if (StartsWith(text, start, end, word)) return true;
        }
        return false;
    }

    private static bool StartsWith(string text, int start, int end, string word)
    {
        if (start + word.Length > end || string.CompareOrdinal(text, start, word, 0, word.Length) != 0) return false;
        var wordEnd = start + word.Length;
        return wordEnd == end || text[wordEnd] == ' ' || word[word.Length - 1] == ':';
    }

    /// <summary>Unknown text as a raw match; its name is the first word (without a trailing colon), a guess.</summary>
    private static RawMatch Raw(string text)
    {
        var trimmed = text.TrimStart(' ');
        var space = trimmed.IndexOf(' ');
        var first = space < 0 ? trimmed : trimmed.Substring(0, space);
        if (first.StartsWith("!", StringComparison.Ordinal) && space >= 0)
        {
            var rest = trimmed.Substring(space + 1);
            var next = rest.IndexOf(' ');
            first = next < 0 ? rest : rest.Substring(0, next);
        }
        return new RawMatch(first.TrimEnd(':'), null, text);
    }

    private enum StepKind
    {
        Target,
        Match,
        Word,
    }

    private readonly struct Step
    {
        public Step(StepKind kind, int end, Match? match, Target? target)
        {
            Kind = kind;
            End = end;
            Match = match;
            Target = target;
        }

        public StepKind Kind { get; }

        public int End { get; }

        public Match? Match { get; }

        public Target? Target { get; }
    }
}
