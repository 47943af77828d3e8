using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace NatDsl.Tests.Mutation;

/// <summary>
/// Seeded byte-level damage: truncations, bit flips, duplicated, swapped and deleted lines, huge
/// numbers, 1 MB lines, NUL bytes, invalid UTF-8, byte-order marks and mixed line ends.
/// </summary>
public sealed class Mutator
{
    /// <summary>Numbers no field of iptables can hold, and boundary values of the ones they can.</summary>
    public static readonly string[] HugeNumbers =
    {
        "18446744073709551616", // 2^64
        "18446744073709551615", // 2^64 - 1
        "1000000000000000000000000000000", // 10^30
        "4294967296", // 2^32
        "2147483648", // 2^31
        "65536",
        "-1",
        "00000000000000000000000000000000000000080",
        "99999999999999999999999999999999999999999999999999999999999999999999999999999999",
    };

    private static readonly byte[][] InvalidUtf8 =
    {
        new byte[] { 0xFF },
        new byte[] { 0xC3, 0x28 },
        new byte[] { 0xC0, 0x80 }, // overlong NUL
        new byte[] { 0xED, 0xA0, 0x80 }, // UTF-16 surrogate
        new byte[] { 0xF4, 0x90, 0x80, 0x80 }, // above U+10FFFF
        new byte[] { 0xE2, 0x82 }, // truncated sequence
        new byte[] { 0x80, 0x80, 0x80 },
        new byte[] { 0xEF, 0xBB, 0xBF }, // a BOM in the middle
    };

    private static readonly byte[][] ByteOrderMarks =
    {
        new byte[] { 0xEF, 0xBB, 0xBF },
        new byte[] { 0xFF, 0xFE },
        new byte[] { 0xFE, 0xFF },
        new byte[] { 0xFF, 0xFE, 0x00, 0x00 },
    };

    private const string Filler = "abcXYZ019-_:/.,!\"\\' */[]()\t";

    private readonly Random _random;

    /// <summary>A mutator whose choices follow <paramref name="seed"/>.</summary>
    public Mutator(int seed) => _random = new Random(seed);

    /// <summary>Mutation names, in the order <see cref="Apply"/> numbers them.</summary>
    public static readonly string[] Kinds =
    {
        "truncate", "bit-flip", "random-bytes", "duplicate-line", "swap-lines", "delete-line", "huge-number",
        "nul-bytes", "invalid-utf8", "crlf-mix", "byte-order-mark", "line-glue", "stacked",
    };

    /// <summary>The cheap mutations (everything but the 1 MB line), <paramref name="count"/> of them, cycling through the kinds.</summary>
    public IEnumerable<Mutant> Mutants(string name, byte[] original, int count)
    {
        for (var i = 0; i < count; i++)
        {
            var kind = i % Kinds.Length;
            var (what, bytes) = Apply(kind, original);
            yield return new Mutant(name + " #" + Text(i) + " " + what, bytes);
        }
    }

    /// <summary>One 1 MB line: either a new line of filler, or an existing line with one of its characters repeated a million times.</summary>
    public Mutant Overlong(string name, byte[] original)
    {
        var lines = Lines(original);
        var at = _random.Next(lines.Count);
        const int size = 1 << 20;
        if (_random.Next(2) == 0 || lines[at].Length == 0)
        {
            var line = new byte[size];
            var c = (byte)Filler[_random.Next(Filler.Length)];
            for (var i = 0; i < size; i++) line[i] = _random.Next(8) == 0 ? (byte)Filler[_random.Next(Filler.Length)] : c;
            lines.Insert(at, line);
            return new Mutant(name + " 1MB line of filler inserted at line " + Text(at + 1), Join(lines));
        }
        var original_ = lines[at];
        var position = _random.Next(original_.Length);
        var grown = new byte[original_.Length + size];
        Array.Copy(original_, grown, position);
        for (var i = 0; i < size; i++) grown[position + i] = original_[position];
        Array.Copy(original_, position, grown, position + size, original_.Length - position);
        lines[at] = grown;
        return new Mutant(name + " line " + Text(at + 1) + " column " + Text(position + 1) + " repeated to 1MB", Join(lines));
    }

    private (string What, byte[] Bytes) Apply(int kind, byte[] input)
    {
        switch (Kinds[kind])
        {
            case "truncate":
            {
                var at = _random.Next(input.Length + 1);
                return ("truncated at byte " + Text(at), input.Take(at).ToArray());
            }
            case "bit-flip":
            {
                var bytes = (byte[])input.Clone();
                var flips = 1 + _random.Next(4);
                var where = new List<string>();
                for (var f = 0; f < flips && bytes.Length > 0; f++)
                {
                    var at = _random.Next(bytes.Length);
                    var bit = _random.Next(8);
                    bytes[at] ^= (byte)(1 << bit);
                    where.Add(Text(at) + "." + Text(bit));
                }
                return ("bits flipped at " + string.Join(",", where), bytes);
            }
            case "random-bytes":
            {
                var bytes = (byte[])input.Clone();
                var count = 1 + _random.Next(6);
                for (var f = 0; f < count && bytes.Length > 0; f++) bytes[_random.Next(bytes.Length)] = (byte)_random.Next(256);
                return ("random bytes x" + Text(count), bytes);
            }
            case "duplicate-line":
            {
                var lines = Lines(input);
                var at = _random.Next(lines.Count);
                var to = _random.Next(lines.Count + 1);
                lines.Insert(to, lines[at]);
                return ("line " + Text(at + 1) + " duplicated before line " + Text(to + 1), Join(lines));
            }
            case "swap-lines":
            {
                var lines = Lines(input);
                var a = _random.Next(lines.Count);
                var b = _random.Next(lines.Count);
                (lines[a], lines[b]) = (lines[b], lines[a]);
                return ("lines " + Text(a + 1) + " and " + Text(b + 1) + " swapped", Join(lines));
            }
            case "delete-line":
            {
                var lines = Lines(input);
                var at = _random.Next(lines.Count);
                lines.RemoveAt(at);
                return ("line " + Text(at + 1) + " deleted", Join(lines));
            }
            case "huge-number":
            {
                var text = Encoding.UTF8.GetString(input);
                var runs = new List<(int Start, int Length)>();
                for (var i = 0; i < text.Length; i++)
                {
                    if (!char.IsAsciiDigit(text[i])) continue;
                    var start = i;
                    while (i < text.Length && char.IsAsciiDigit(text[i])) i++;
                    runs.Add((start, i - start));
                }
                if (runs.Count == 0) return ("no number to replace", input);
                var changes = 1 + _random.Next(3);
                var done = new List<string>();
                for (var c = 0; c < changes; c++)
                {
                    var run = runs[_random.Next(runs.Count)];
                    var number = HugeNumbers[_random.Next(HugeNumbers.Length)];
                    if (run.Start + run.Length > text.Length) continue;
                    text = text.Substring(0, run.Start) + number + text.Substring(run.Start + run.Length);
                    done.Add("char " + Text(run.Start) + "=" + number);
                    runs = runs.Where(r => r.Start < run.Start).ToList();
                    if (runs.Count == 0) break;
                }
                return ("numbers replaced: " + string.Join(", ", done), Encoding.UTF8.GetBytes(text));
            }
            case "nul-bytes":
            {
                var bytes = input.ToList();
                var count = 1 + _random.Next(3);
                for (var f = 0; f < count; f++) bytes.Insert(_random.Next(bytes.Count + 1), 0);
                return ("NUL bytes x" + Text(count), bytes.ToArray());
            }
            case "invalid-utf8":
            {
                var bytes = input.ToList();
                var seq = InvalidUtf8[_random.Next(InvalidUtf8.Length)];
                var at = _random.Next(bytes.Count + 1);
                bytes.InsertRange(at, seq);
                return ("invalid UTF-8 " + BitConverter.ToString(seq) + " at byte " + Text(at), bytes.ToArray());
            }
            case "crlf-mix":
            {
                var output = new List<byte>(input.Length + 64);
                var style = _random.Next(3);
                foreach (var b in input)
                {
                    if (b == (byte)'\n' && _random.Next(3) == 0)
                    {
                        if (style == 0) output.Add((byte)'\r');
                        else if (style == 1) { output.Add((byte)'\r'); continue; }
                        else { output.Add((byte)'\n'); output.Add((byte)'\r'); continue; }
                    }
                    output.Add(b);
                }
                return ("line ends mixed (" + (style == 0 ? "CRLF" : style == 1 ? "lone CR" : "LF CR") + ")", output.ToArray());
            }
            case "byte-order-mark":
            {
                var bom = ByteOrderMarks[_random.Next(ByteOrderMarks.Length)];
                return ("byte-order mark " + BitConverter.ToString(bom), bom.Concat(input).ToArray());
            }
            case "line-glue":
            {
                var lines = Lines(input);
                if (lines.Count < 2) return ("one line only", input);
                var at = _random.Next(lines.Count - 1);
                lines[at] = lines[at].Concat(new[] { (byte)(_random.Next(2) == 0 ? ' ' : '\t') }).Concat(lines[at + 1]).ToArray();
                lines.RemoveAt(at + 1);
                return ("lines " + Text(at + 1) + " and " + Text(at + 2) + " glued", Join(lines));
            }
            default:
            {
                var (a, first) = Apply(_random.Next(Kinds.Length - 1), input);
                var (b, second) = Apply(_random.Next(Kinds.Length - 1), first);
                return (a + " then " + b, second);
            }
        }
    }

    private static List<byte[]> Lines(byte[] input)
    {
        var lines = new List<byte[]>();
        var start = 0;
        for (var i = 0; i < input.Length; i++)
        {
            if (input[i] != (byte)'\n') continue;
            lines.Add(input[start..i]);
            start = i + 1;
        }
        lines.Add(input[start..]);
        return lines;
    }

    private static byte[] Join(List<byte[]> lines)
    {
        var output = new List<byte>();
        for (var i = 0; i < lines.Count; i++)
        {
            if (i > 0) output.Add((byte)'\n');
            output.AddRange(lines[i]);
        }
        return output.ToArray();
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
