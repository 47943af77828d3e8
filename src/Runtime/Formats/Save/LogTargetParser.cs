using System;
using NatDsl.Model;

namespace NatDsl.Formats.Save;

/// <summary><c>-j LOG</c>: <c>--log-level</c> (0-7 or a syslog name), <c>--log-prefix</c> (kept to its first 29 bytes, as iptables does) and the flag options.</summary>
internal sealed class LogTargetParser : TargetParser
{
    private const int LevelId = 0, PrefixId = 1, TcpSequenceId = 2, TcpOptionsId = 3, IpOptionsId = 4, UidId = 5, MacDecodeId = 6;

    private static readonly OptionSpec[] Specs =
    {
        new OptionSpec("log-level", LevelId, true),
        new OptionSpec("log-prefix", PrefixId, true),
        new OptionSpec("log-tcp-sequence", TcpSequenceId, false),
        new OptionSpec("log-tcp-options", TcpOptionsId, false),
        new OptionSpec("log-ip-options", IpOptionsId, false),
        new OptionSpec("log-uid", UidId, false),
        new OptionSpec("log-macdecode", MacDecodeId, false),
    };

    private static readonly (string Name, byte Level)[] LevelNames =
    {
        ("alert", 1), ("crit", 2), ("debug", 7), ("emerg", 0), ("error", 3), ("info", 6), ("notice", 5), ("panic", 0), ("warning", 4),
    };

    /// <summary>The value before any option (immutable, so one instance serves every rule).</summary>
    private static readonly LogTarget Empty = new LogTarget();

    private LogTarget _target = Empty;

    protected override void Clear()
    {
        _target = Empty;
    }

    public override OptionSpec[] Options => Specs;

    public override void ParseOption(int id, OptionCall call)
    {
        Once(id, call);
        call.NoInvert();
        switch (id)
        {
            case LevelId:
                _target = _target with { Level = ParseLevel(call.Argument(), call) };
                break;
            case PrefixId:
            {
                var arg = call.Argument();
                if (arg.Text.Length == 0) throw call.Error(arg, "--log-prefix must not be empty");
                if (arg.Text.IndexOf('\n') >= 0) throw call.Error(arg, "newlines are not allowed in --log-prefix");
                // iptables keeps the first 29 bytes (the kernel's buffer); so does the model.
                _target = _target with { Prefix = Truncate(arg.Text, 29) };
                break;
            }
            case TcpSequenceId:
                _target = _target with { Flags = (byte)(_target.Flags | 0x01) };
                break;
            case TcpOptionsId:
                _target = _target with { Flags = (byte)(_target.Flags | 0x02) };
                break;
            case IpOptionsId:
                _target = _target with { Flags = (byte)(_target.Flags | 0x04) };
                break;
            case UidId:
                _target = _target with { Flags = (byte)(_target.Flags | 0x08) };
                break;
            default:
                _target = _target with { Flags = (byte)(_target.Flags | 0x20) };
                break;
        }
    }

    public override Target Build(RuleParseContext context) => _target;

    private static string Truncate(string text, int maxBytes)
    {
        if (System.Text.Encoding.UTF8.GetByteCount(text) <= maxBytes) return text;
        var length = text.Length;
        while (length > 0 && System.Text.Encoding.UTF8.GetByteCount(text.Substring(0, length)) > maxBytes) length--;
        if (length > 0 && char.IsHighSurrogate(text[length - 1])) length--;
        return text.Substring(0, length);
    }

    private static byte ParseLevel(RuleToken arg, OptionCall call)
    {
        if (CNumber.TryParse(arg.Text, 0, 7, out var number)) return (byte)number;
        foreach (var (name, level) in LevelNames)
        {
            if (string.Equals(name, arg.Text, StringComparison.Ordinal)) return level;
        }
        throw call.Error(arg, "invalid --log-level \"" + arg.Text + "\" (0-7 or emerg, alert, crit, error, warning, notice, info, debug)");
    }
}
