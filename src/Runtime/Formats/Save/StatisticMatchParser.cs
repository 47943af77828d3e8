using System.Globalization;
using NatDsl.Model;

namespace NatDsl.Formats.Save;

/// <summary><c>-m statistic --mode random [!] --probability P</c> or <c>--mode nth [!] --every N --packet P</c>.</summary>
internal sealed class StatisticMatchParser : MatchParser
{
    private const int ModeId = 0, ProbabilityId = 1, EveryId = 2, PacketId = 3;

    private static readonly OptionSpec[] Specs =
    {
        new OptionSpec("mode", ModeId, true),
        new OptionSpec("probability", ProbabilityId, true),
        new OptionSpec("every", EveryId, true),
        new OptionSpec("packet", PacketId, true),
    };

    private const int RandomSlots = 64;

    /// <summary>Random-mode matches built before by this parser (kept across rules, unlike the fields below): equal values are one instance.</summary>
    private readonly StatisticMatch?[] _random = new StatisticMatch?[RandomSlots];

    private StatisticMode? _mode;
    private uint _bits;
    private uint _every;
    private uint _packet;
    private bool _inverted;
    private RuleToken _probabilityToken, _everyToken, _packetToken;

    protected override void Clear()
    {
        _mode = null;
        _bits = 0;
        _every = 1;
        _packet = 0;
        _inverted = false;
        _probabilityToken = default;
        _everyToken = default;
        _packetToken = default;
    }

    public override OptionSpec[] Options => Specs;

    public override void ParseOption(int id, OptionCall call)
    {
        Once(id, call);
        var arg = call.Argument();
        switch (id)
        {
            case ModeId:
                call.NoInvert();
                if (arg.Is("random")) _mode = StatisticMode.Random;
                else if (arg.Is("nth")) _mode = StatisticMode.Nth;
                else throw call.Error(arg, "bad statistic mode \"" + arg.Text + "\" (random or nth)");
                break;
            case ProbabilityId:
                if (!double.TryParse(arg.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var p) || double.IsNaN(p) || p < 0 || p > 1)
                {
                    throw call.Error(arg, "invalid probability \"" + arg.Text + "\" (a number from 0 to 1)");
                }
                _bits = StatisticMatch.ToBits(p);
                _inverted |= call.Inverted;
                _probabilityToken = call.Token;
                break;
            case EveryId:
                if (!CNumber.TryParse(arg.Text, 1, uint.MaxValue, out var every)) throw call.Error(arg, "invalid --every \"" + arg.Text + "\" (1-4294967295)");
                _every = (uint)every;
                _inverted |= call.Inverted;
                _everyToken = call.Token;
                break;
            case PacketId:
                call.NoInvert();
                if (!CNumber.TryParse(arg.Text, 0, uint.MaxValue, out var packet)) throw call.Error(arg, "invalid --packet \"" + arg.Text + "\"");
                _packet = (uint)packet;
                _packetToken = call.Token;
                break;
        }
    }

    public override void Finish(RuleParseContext context)
    {
        var line = context.Line;
        if (!_mode.HasValue) throw line.Error(NameToken, "statistic: option \"--mode\" must be specified");
        if (Seen(ProbabilityId) && _mode != StatisticMode.Random) throw line.Error(_probabilityToken, "--probability can only be used in random mode");
        if (Seen(EveryId) && _mode != StatisticMode.Nth) throw line.Error(_everyToken, "--every can only be used in nth mode");
        if (Seen(PacketId) && _mode != StatisticMode.Nth) throw line.Error(_packetToken, "--packet can only be used in nth mode");
        if (_mode == StatisticMode.Random && !Seen(ProbabilityId)) throw line.Error(NameToken, "statistic: --probability must be specified when using random mode");
        if (_mode == StatisticMode.Nth && !(Seen(EveryId) && Seen(PacketId))) throw line.Error(NameToken, "statistic: --every and --packet must be specified when using nth mode");
        if (_packet > _every - 1) throw line.Error(_packetToken, "the --packet p must be 0 <= p <= n-1");
    }

    public override Match Build(RuleParseContext context)
    {
        if (_mode != StatisticMode.Random) return new StatisticMatch { Mode = StatisticMode.Nth, Every = _every, Packet = _packet, Inverted = _inverted };
        // kube-proxy writes the same few probabilities (1/n for small n) on every service.
        var slot = (int)((_bits ^ (_bits >> 11) ^ (_bits >> 23)) + (_inverted ? 1u : 0u)) & (RandomSlots - 1);
        var cached = _random[slot];
        if (cached is not null && cached.ProbabilityBits == _bits && cached.Inverted == _inverted) return cached;
        return _random[slot] = new StatisticMatch { Mode = StatisticMode.Random, ProbabilityBits = _bits, Inverted = _inverted };
    }
}
