using System;
using System.Globalization;
using NatDsl.Model;

namespace NatDsl.Formats.Listing;

/// <summary>
/// Reads the fixed columns of a rule line by relative positions (iptables-formats.md §2.7): every
/// field is a token padded to a minimum width and followed by one space, so a long token shifts
/// the rest of the line instead of being cut.
/// </summary>
internal sealed class RuleLineReader
{
    private readonly string _source;
    private readonly Save.TokenPool _pool;
    private readonly string _line;
    private readonly int _lineNumber;
    private int _pos;

    private RuleLineReader(string source, string line, int lineNumber, Save.TokenPool pool)
    {
        _source = source;
        _pool = pool;
        _line = line;
        _lineNumber = lineNumber;
    }

    /// <summary>Reads one rule line of a listing in the given layout.</summary>
    public static RuleLineFields Read(string source, string line, int lineNumber, bool lineNumbers, bool verbose, bool exact, Save.TokenPool pool) =>
        new RuleLineReader(source, line, lineNumber, pool).Read(lineNumbers, verbose, exact);

    private RuleLineFields Read(bool lineNumbers, bool verbose, bool exact)
    {
        var fields = new RuleLineFields(_lineNumber, _line);
        if (lineNumbers)
        {
            var start = _pos;
            var token = Token("rule number");
            if (!uint.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out _)) throw Error(start, "bad rule number \"" + token + "\"");
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
        fields.SourceColumn = _pos + 1;
        fields.Source = Address(fields, "source", last: false);
        fields.Destination = Address(fields, "destination", last: true);
        ReadRest(fields);
        return fields;
    }

    private Counter Counter(bool exact, string what)
    {
        while (_pos < _line.Length && _line[_pos] == ' ') _pos++;
        var start = _pos;
        var token = Token(what);
        if (!ListingCounters.TryParse(token, out var counter)) throw Error(start, "bad " + what + " \"" + token + "\"");
        if (exact && !counter.IsExact) throw Error(start, "rounded " + what + " \"" + token + "\" in an -x listing");
        Space(what);
        return counter;
    }

    private void ReadTarget(RuleLineFields fields)
    {
        if (_pos >= _line.Length) throw Error(_pos, "truncated rule line: expected the target");
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
            else if (_pos + 3 <= _line.Length && _line[_pos] == ' ' && IsOption(_line, _pos + 1))
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
        if (!ProtocolNames.TryParse(protocolText, out var number)) throw Error(start, "unknown protocol \"" + protocolText + "\"");
        fields.Evidence = Narrow(fields.Evidence, ProtocolColumn.FormsPrinting(protocolText, number));
        fields.Protocol = number == 0 && !inverted ? null : new Negatable<int>(number, inverted);
        _pos = start + protocolText.Length;
        while (_pos < optionStart)
        {
            if (_pos >= _line.Length || _line[_pos] != ' ') throw Error(_pos, "expected a space after the protocol");
            _pos++;
        }
        fields.OptionColumn = _pos + 1;
        if (_pos + 3 > _line.Length) throw Error(_pos, "truncated rule line: expected the option column");
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
        var token = Token(what);
        Padding(start, 6, what);
        if (token == "*") return null;
        return token.Length > 1 && token[0] == '!' ? new Negatable<string>(token.Substring(1), Inverted: true) : new Negatable<string>(token);
    }

    private Negatable<IpNetwork>? Address(RuleLineFields fields, string what, bool last)
    {
        var inverted = Inversion(what);
        var start = _pos;
        var token = Token(what);
        if (!AddressText.TryParse(token, out var network)) throw Error(start, "bad " + what + " address \"" + token + "\"");
        if (what == "source") fields.Family = network.Family;
        else if (network.Family != fields.Family) throw Error(start, "the " + what + " \"" + token + "\" is of another address family than the source");
        Padding(start, 19, what, allowEnd: last);
        return network.IsAny && !inverted ? null : new Negatable<IpNetwork>(network, inverted);
    }

    private void ReadRest(RuleLineFields fields)
    {
        // One substring: the extras without trailing spaces, after "[goto] " when present.
        var restStart = _pos;
        var end = _line.Length;
        while (end > restStart && _line[end - 1] == ' ') end--;
        if (end - restStart >= 6 && string.CompareOrdinal(_line, restStart, "[goto]", 0, 6) == 0 && (_line.Length == restStart + 6 || _line[restStart + 6] == ' '))
        {
            fields.Goto = true;
            restStart += 7;
            if (end < restStart) end = restStart;
        }
        var rest = restStart < end ? _line.Substring(restStart, end - restStart) : string.Empty;
        if (rest.Length > 0 && rest[0] != ' ') throw Error(restStart, "expected a space before the rule's extensions");
        fields.Extras = rest;
    }

    private bool Inversion(string what)
    {
        if (_pos >= _line.Length) throw Error(_pos, "truncated rule line: expected the " + what);
        var c = _line[_pos];
        if (c != ' ' && c != '!') throw Error(_pos, "expected ' ' or '!' before the " + what);
        _pos++;
        return c == '!';
    }

    private string Token(string what)
    {
        var start = _pos;
        while (_pos < _line.Length && _line[_pos] != ' ') _pos++;
        if (_pos == start) throw Error(start, _pos >= _line.Length ? "truncated rule line: expected the " + what : "expected the " + what);
        return _pool.Intern(_line, start, _pos - start);
    }

    private void Padding(int fieldStart, int width, string what, bool allowEnd = false)
    {
        var end = Math.Max(_pos, fieldStart + width) + 1;
        while (_pos < end)
        {
            if (_pos >= _line.Length)
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
        if (_pos >= _line.Length) throw Error(_pos, "truncated rule line after the " + what);
        if (_line[_pos] != ' ') throw Error(_pos, "expected a space after the " + what);
        _pos++;
    }

    private DumpParseException Error(int index, string problem) => new DumpParseException(_source, _lineNumber, index + 1, _line, problem);
}
