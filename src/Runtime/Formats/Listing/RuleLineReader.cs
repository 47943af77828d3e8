using System;
using System.Globalization;
using NatDsl.Model;

namespace NatDsl.Formats.Listing;

/// <summary>
/// Reads the fixed columns of a rule line by relative positions (iptables-formats.md §2.7): every
/// field is a token padded to a minimum width and followed by one space, so a long token shifts
/// the rest of the line instead of being cut.
/// </summary>
/// <remarks>
/// One reader serves a whole listing: it reads each line in place (a range of the listing's
/// text) into the same <see cref="RuleLineFields"/>, and makes the line's string only for an error.
/// </remarks>
internal sealed class RuleLineReader
{
    private readonly string _source;
    private readonly Save.TokenPool _pool;
    private readonly string _line;
    private readonly RuleLineFields _fields = new RuleLineFields();
    private int _lineStart;
    private int _end;
    private int _lineNumber;
    private int _pos;

    /// <summary>A reader of rule lines of <paramref name="text"/>.</summary>
    public RuleLineReader(string source, string text, Save.TokenPool pool)
    {
        _source = source;
        _pool = pool;
        _line = text;
    }

    /// <summary>Reads one rule line (<c>text[start..end)</c>) of a listing in the given layout; the fields are valid until the next call.</summary>
    public RuleLineFields Read(int start, int end, int lineNumber, bool lineNumbers, bool verbose, bool exact)
    {
        _lineStart = start;
        _end = end;
        _lineNumber = lineNumber;
        _pos = start;
        _fields.Reset(lineNumber, start, end);
        return Read(lineNumbers, verbose, exact);
    }

    private RuleLineFields Read(bool lineNumbers, bool verbose, bool exact)
    {
        var fields = _fields;
        if (lineNumbers)
        {
            var start = _pos;
            var tokenEnd = TokenEnd("rule number");
            if (!IsRuleNumber(start, tokenEnd))
            {
                var token = _line.Substring(start, tokenEnd - start);
                if (!uint.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out _)) throw Error(start, "bad rule number \"" + token + "\"");
            }
            Padding(start, 4, "rule number");
        }
        if (verbose)
        {
            var packets = Counter(exact, "packet counter");
            var bytes = Counter(exact, "byte counter");
            fields.Counters = new Counters(packets, bytes);
        }
        ReadTarget(fields);
        ReadProtocolAndOption(fields);
        if (verbose)
        {
            Space("interface columns");
            fields.InInterface = Interface("input interface");
            fields.OutInterface = Interface("output interface");
        }
        fields.SourceColumn = _pos - _lineStart + 1;
        fields.Source = Address(fields, "source", last: false);
        fields.Destination = Address(fields, "destination", last: true);
        ReadRest(fields);
        return fields;
    }

    private Counter Counter(bool exact, string what)
    {
        while (_pos < _end && _line[_pos] == ' ') _pos++;
        var start = _pos;
        var tokenEnd = TokenEnd(what);
        if (!ListingCounters.TryParse(_line, start, tokenEnd, out var counter)) throw Error(start, "bad " + what + " \"" + _line.Substring(start, tokenEnd - start) + "\"");
        if (exact && !counter.IsExact) throw Error(start, "rounded " + what + " \"" + _line.Substring(start, tokenEnd - start) + "\" in an -x listing");
        Space(what);
        return counter;
    }

    private void ReadTarget(RuleLineFields fields)
    {
        if (_pos >= _end) throw Error(_pos, "truncated rule line: expected the target");
        var start = _pos;
        if (_line[_pos] == ' ')
        {
            // A rule without target prints "%-9s " of an empty string: ten spaces.
            for (var i = 0; i < 10; i++) Space("empty target");
            return;
        }
        fields.TargetName = Token("target");
        Padding(start, 9, "target");
    }

    private void ReadProtocolAndOption(RuleLineFields fields)
    {
        var inverted = Inversion("protocol");
        var start = _pos;
        var token = Token("protocol");
        string protocolText;
        int optionStart;
        if (token.Length > 2 && IsOption(token, token.Length - 2) && ProtocolNames.TryParse(token.Substring(0, token.Length - 2), out _))
        {
            // ≤ 1.8.8 printed "%-5s" with no separator: a long name runs into the option column.
            protocolText = token.Substring(0, token.Length - 2);
            optionStart = start + protocolText.Length;
            fields.Evidence &= FormSet.GluedNames;
        }
        else
        {
            protocolText = token;
            if (token.Length <= 4)
            {
                optionStart = start + 5;
            }
            else if (_pos + 3 <= _end && _line[_pos] == ' ' && IsOption(_line, _pos + 1))
            {
                optionStart = _pos + 1;
                fields.Evidence &= FormSet.Separated;
            }
            else
            {
                optionStart = _pos;
                fields.Evidence &= FormSet.GluedNames;
            }
        }
        if (!_protocolTokens.TryGetValue(protocolText, out var known))
        {
            if (!ProtocolNames.TryParse(protocolText, out var parsed)) throw Error(start, "unknown protocol \"" + protocolText + "\"");
            known = (parsed, ProtocolColumn.FormsPrinting(protocolText, parsed));
            _protocolTokens[protocolText] = known;
        }
        var number = known.Number;
        fields.Evidence = Narrow(fields.Evidence, known.Forms);
        fields.Protocol = number == 0 && !inverted ? null : _protocols.Of(number, inverted);
        _pos = start + protocolText.Length;
        while (_pos < optionStart)
        {
            if (_pos >= _end || _line[_pos] != ' ') throw Error(_pos, "expected a space after the protocol");
            _pos++;
        }
        fields.OptionColumn = _pos - _lineStart + 1;
        if (_pos + 3 > _end) throw Error(_pos, "truncated rule line: expected the option column");
        var o1 = _line[_pos];
        var o2 = _line[_pos + 1];
        if (o1 == '-' && o2 == '-')
        {
        }
        else if (o1 == '-' && o2 == 'f')
        {
            fields.Fragment = new Negatable<bool>(true);
        }
        else if (o1 == '!' && o2 == 'f')
        {
            fields.Fragment = new Negatable<bool>(true, Inverted: true);
        }
        else if (o1 == ' ' && o2 == ' ')
        {
            fields.BlankOption = true;
            fields.Evidence = Narrow(fields.Evidence, FormSet.GluedNames);
        }
        else
        {
            throw Error(_pos, "bad option column \"" + _line.Substring(_pos, 2) + "\"");
        }
        _pos += 2;
        Space("option column");
    }

    private static FormSet Narrow(FormSet current, FormSet evidence) => (current & evidence) == FormSet.None ? current : current & evidence;

    /// <summary>Whether the two characters at <paramref name="at"/> are an option column: <c>--</c>, <c>-f</c> or <c>!f</c>.</summary>
    private static bool IsOption(string text, int at)
    {
        var a = text[at];
        var b = text[at + 1];
        return (a == '-' && (b == '-' || b == 'f')) || (a == '!' && b == 'f');
    }

    private Negatable<string>? Interface(string what)
    {
        var start = _pos;
        var tokenEnd = TokenEnd(what);
        Padding(start, 6, what);
        if (tokenEnd - start == 1 && _line[start] == '*') return null;
        var inverted = tokenEnd - start > 1 && _line[start] == '!';
        return new Negatable<string>(_pool.Intern(_line, inverted ? start + 1 : start, tokenEnd - start - (inverted ? 1 : 0)), inverted);
    }

    private Negatable<IpNetwork>? Address(RuleLineFields fields, string what, bool last)
    {
        var inverted = Inversion(what);
        var start = _pos;
        var tokenEnd = TokenEnd(what);
        if (!AddressText.TryParse(_line, start, tokenEnd, out var network)) throw Error(start, "bad " + what + " address \"" + _line.Substring(start, tokenEnd - start) + "\"");
        if (!last) fields.Family = network.Family;
        else if (network.Family != fields.Family) throw Error(start, "the " + what + " \"" + _line.Substring(start, tokenEnd - start) + "\" is of another address family than the source");
        Padding(start, 19, what, allowEnd: last);
        if (network.IsAny && !inverted) return null;
        // Rules often name the same address (the pod network, a service's cluster IP): one value each, up to a bound.
        ref var recent = ref _recentAddresses[last ? 1 : 0];
        if (recent is not null && recent.Inverted == inverted && recent.Value == network) return recent;
        var known = _addresses[inverted ? 1 : 0] ??= new System.Collections.Generic.Dictionary<IpNetwork, Negatable<IpNetwork>>();
        if (!known.TryGetValue(network, out recent!))
        {
            recent = new Negatable<IpNetwork>(network, inverted);
            if (known.Count < MaxSharedAddresses) known.Add(network, recent);
        }
        return recent;
    }

    private void ReadRest(RuleLineFields fields)
    {
        // One substring: the extras without trailing spaces, after "[goto] " when present.
        var restStart = _pos;
        var end = _end;
        while (end > restStart && _line[end - 1] == ' ') end--;
        if (end - restStart >= 6 && string.CompareOrdinal(_line, restStart, "[goto]", 0, 6) == 0 && (_end == restStart + 6 || _line[restStart + 6] == ' '))
        {
            fields.Goto = true;
            restStart += 7;
            if (end < restStart) end = restStart;
        }
        if (restStart < end && _line[restStart] != ' ') throw Error(restStart, "expected a space before the rule's extensions");
        fields.ExtrasStart = restStart;
        fields.ExtrasEnd = Math.Max(restStart, end);
    }

    private bool Inversion(string what)
    {
        if (_pos >= _end) throw Error(_pos, "truncated rule line: expected the " + what);
        var c = _line[_pos];
        if (c != ' ' && c != '!') throw Error(_pos, "expected ' ' or '!' before the " + what);
        _pos++;
        return c == '!';
    }

    private string Token(string what)
    {
        var start = _pos;
        return _pool.Intern(_line, start, TokenEnd(what) - start);
    }

    /// <summary>Moves past a non-empty run of non-spaces and returns its end.</summary>
    private int TokenEnd(string what)
    {
        var start = _pos;
        while (_pos < _end && _line[_pos] != ' ') _pos++;
        if (_pos == start) throw Error(start, _pos >= _end ? "truncated rule line: expected the " + what : "expected the " + what);
        return _pos;
    }

    /// <summary>True for the digits of a rule number (what <c>uint.TryParse</c> reads, up to 9 digits).</summary>
    private bool IsRuleNumber(int start, int end)
    {
        if (end - start > 9) return false;
        for (var i = start; i < end; i++)
        {
            if (_line[i] < '0' || _line[i] > '9') return false;
        }
        return true;
    }

    private readonly SharedProtocols _protocols = new SharedProtocols();

    /// <summary>The last source and destination read (values are immutable, so rules may share them).</summary>
    private readonly Negatable<IpNetwork>?[] _recentAddresses = new Negatable<IpNetwork>?[2];

    /// <summary>Distinct addresses shared per inversion; the rest (pod addresses, each on one or two rules) are not kept.</summary>
    private const int MaxSharedAddresses = 4096;

    private readonly System.Collections.Generic.Dictionary<IpNetwork, Negatable<IpNetwork>>?[] _addresses = new System.Collections.Generic.Dictionary<IpNetwork, Negatable<IpNetwork>>?[2];

    /// <summary>The number and forms of each protocol token read so far (a listing uses a handful).</summary>
    private readonly System.Collections.Generic.Dictionary<string, (int Number, FormSet Forms)> _protocolTokens = new(StringComparer.Ordinal);

    private void Padding(int fieldStart, int width, string what, bool allowEnd = false)
    {
        var end = Math.Max(_pos, fieldStart + width) + 1;
        while (_pos < end)
        {
            if (_pos >= _end)
            {
                if (allowEnd) return;
                throw Error(_pos, "truncated rule line after the " + what);
            }
            if (_line[_pos] != ' ') throw Error(_pos, "expected padding after the " + what);
            _pos++;
        }
    }

    private void Space(string what)
    {
        if (_pos >= _end) throw Error(_pos, "truncated rule line after the " + what);
        if (_line[_pos] != ' ') throw Error(_pos, "expected a space after the " + what);
        _pos++;
    }

    private DumpParseException Error(int index, string problem) =>
        new DumpParseException(_source, _lineNumber, index - _lineStart + 1, _line.Substring(_lineStart, _end - _lineStart), problem);
}
