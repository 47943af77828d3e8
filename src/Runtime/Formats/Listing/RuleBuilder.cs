using System;
using System.Collections.Generic;
using NatDsl.Model;

namespace NatDsl.Formats.Listing;

/// <summary>
/// Turns the fields of a rule line into a model rule, sharing the immutable values a large listing
/// repeats: one <see cref="JumpTarget"/> per chain (made with the chain names), one context per protocol, and one split of each
/// distinct extension text of the rules whose target prints no text (a kube-proxy listing repeats
/// the same comments and matches on thousands of rules).
/// </summary>
internal sealed class RuleBuilder
{
    /// <summary>Distinct extension texts kept; a listing with more keeps splitting the rest afresh.</summary>
    private const int MaxSplits = 1 << 17;

    private readonly string _text;
    private readonly Dictionary<string, JumpTarget> _chains;
    private readonly Dictionary<int, ExtensionContext> _contexts = new();
    private readonly SplitMemo _splits = new();

    /// <summary>A builder for rules of the listing <paramref name="text"/> declaring <paramref name="chains"/> (with their jump targets).</summary>
    public RuleBuilder(string text, Dictionary<string, JumpTarget> chains)
    {
        _text = text;
        _chains = chains;
    }

    /// <summary>The rule of a line read by <see cref="RuleLineReader"/>.</summary>
    public Rule Build(RuleLineFields fields, IpFamily family)
    {
        Target? fixedTarget = null;
        var name = fields.TargetName;
        if (fields.Goto) fixedTarget = new JumpTarget(name, Goto: true);
        else if (name == "ACCEPT") fixedTarget = VerdictTarget.Accept;
        else if (name == "DROP") fixedTarget = VerdictTarget.Drop;
        else if (name == "RETURN") fixedTarget = VerdictTarget.Return;
        else if (name == "QUEUE") fixedTarget = new VerdictTarget(Verdict.Queue);
        else if (name.Length > 0 && _chains.TryGetValue(name, out var jump)) fixedTarget = jump;
        var context = Context(family, fields.Protocol);
        ValueList<Match> matches;
        Target? target;
        if (fixedTarget is not null || name.Length == 0)
        {
            // The target prints no text: it is the fixed one, and the matches depend on the text and context only.
            target = fixedTarget;
            matches = _splits.Find(_text, fields.ExtrasStart, fields.ExtrasEnd, context)
                ?? _splits.Add(_text, fields.ExtrasStart, fields.ExtrasEnd, context, ExtrasSplitter.Split(_text, fields.ExtrasStart, fields.ExtrasEnd, name, fixedTarget, context).Matches, MaxSplits);
        }
        else
        {
            (matches, target) = ExtrasSplitter.Split(_text, fields.ExtrasStart, fields.ExtrasEnd, name, fixedTarget, context);
        }
        return new Rule
        {
            Source = fields.Source,
            Destination = fields.Destination,
            InInterface = fields.InInterface,
            OutInterface = fields.OutInterface,
            Protocol = fields.Protocol,
            Fragment = fields.Fragment,
            Matches = matches,
            Target = target,
            Counters = fields.Counters,
        };
    }

    private ExtensionContext Context(IpFamily family, Negatable<int>? protocol)
    {
        var key = ((int)family << 20) | (protocol is null ? 0 : ((protocol.Value & 0x3FFFF) << 1) | (protocol.Inverted ? 1 : 0) | (1 << 19));
        if (!_contexts.TryGetValue(key, out var context))
        {
            context = new ExtensionContext(family, protocol);
            _contexts.Add(key, context);
        }
        return context;
    }

    /// <summary>Extension texts (with their context) already split, looked up by the text in place.</summary>
    private sealed class SplitMemo
    {
        private Entry?[] _slots = new Entry?[1024];
        private int _count;

        public ValueList<Match>? Find(string text, int start, int end, ExtensionContext context)
        {
            var hash = Hash(text, start, end);
            var mask = _slots.Length - 1;
            for (var slot = (int)(hash & (uint)mask); ; slot = (slot + 1) & mask)
            {
                var entry = _slots[slot];
                if (entry is null) return null;
                if (entry.Hash == hash && ReferenceEquals(entry.Context, context) && entry.Text.Length == end - start
                    && string.CompareOrdinal(entry.Text, 0, text, start, end - start) == 0)
                {
                    return entry.Matches;
                }
            }
        }

        public ValueList<Match> Add(string text, int start, int end, ExtensionContext context, ValueList<Match> matches, int max)
        {
            if (_count >= max) return matches;
            var hash = Hash(text, start, end);
            if ((_count + 1) * 2 > _slots.Length) Grow();
            var mask = _slots.Length - 1;
            var slot = (int)(hash & (uint)mask);
            while (_slots[slot] is not null) slot = (slot + 1) & mask;
            _slots[slot] = new Entry(hash, text.Substring(start, end - start), context, matches);
            _count++;
            return matches;
        }

        private void Grow()
        {
            var old = _slots;
            _slots = new Entry?[old.Length * 2];
            var mask = _slots.Length - 1;
            foreach (var entry in old)
            {
                if (entry is null) continue;
                var slot = (int)(entry.Hash & (uint)mask);
                while (_slots[slot] is not null) slot = (slot + 1) & mask;
                _slots[slot] = entry;
            }
        }

        private static uint Hash(string text, int start, int end)
        {
            var hash = 2166136261u;
            for (var i = start; i < end; i++) hash = (hash ^ text[i]) * 16777619u;
            return hash;
        }

        private sealed class Entry
        {
            public Entry(uint hash, string text, ExtensionContext context, ValueList<Match> matches)
            {
                Hash = hash;
                Text = text;
                Context = context;
                Matches = matches;
            }

            public uint Hash { get; }

            public string Text { get; }

            public ExtensionContext Context { get; }

            public ValueList<Match> Matches { get; }
        }
    }
}
