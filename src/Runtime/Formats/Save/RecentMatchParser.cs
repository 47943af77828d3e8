using NatDsl.Model;

namespace NatDsl.Formats.Save;

/// <summary><c>-m recent</c> (revision 1): one command (<c>[!] --set|--rcheck|--update|--remove</c>) and its modifiers.</summary>
internal sealed class RecentMatchParser : MatchParser
{
    private const int SetId = 0, CheckId = 1, UpdateId = 2, RemoveId = 3, SecondsId = 4, ReapId = 5, HitCountId = 6,
        TtlId = 7, NameId = 8, SourceId = 9, DestinationId = 10, MaskId = 11;

    private static readonly OptionSpec[] Specs =
    {
        new OptionSpec("set", SetId, false),
        new OptionSpec("rcheck", CheckId, false),
        new OptionSpec("update", UpdateId, false),
        new OptionSpec("remove", RemoveId, false),
        new OptionSpec("seconds", SecondsId, true),
        new OptionSpec("reap", ReapId, false),
        new OptionSpec("hitcount", HitCountId, true),
        new OptionSpec("rttl", TtlId, false),
        new OptionSpec("name", NameId, true),
        new OptionSpec("rsource", SourceId, false),
        new OptionSpec("rdest", DestinationId, false),
        new OptionSpec("mask", MaskId, true),
    };

    private RecentCommand? _command;
    private RuleToken _commandToken;
    private bool _inverted;
    private uint _seconds;
    private uint _hitCount;
    private string _name = "DEFAULT";
    private RecentSide _side;
    private IpAddress? _mask;
    private RuleToken _reapToken;

    protected override void Clear()
    {
        _command = null;
        _commandToken = default;
        _inverted = false;
        _seconds = 0;
        _hitCount = 0;
        _name = "DEFAULT";
        _side = RecentSide.Source;
        _mask = null;
        _reapToken = default;
    }

    public override OptionSpec[] Options => Specs;

    public override void ParseOption(int id, OptionCall call)
    {
        var line = call.Context.Line;
        switch (id)
        {
            case SetId:
            case CheckId:
            case UpdateId:
            case RemoveId:
                if (_command.HasValue) throw call.Error("recent: only one of --set, --rcheck, --update or --remove is allowed");
                _command = (RecentCommand)id;
                _commandToken = call.Token;
                _inverted = call.Inverted;
                return;
        }

        Once(id, call);
        call.NoInvert();
        switch (id)
        {
            case SecondsId:
            {
                var arg = call.Argument();
                if (!CNumber.TryParse(arg.Text, 1, uint.MaxValue, out var seconds)) throw call.Error(arg, "invalid --seconds \"" + arg.Text + "\" (1-4294967295)");
                _seconds = (uint)seconds;
                break;
            }
            case HitCountId:
            {
                var arg = call.Argument();
                if (!CNumber.TryParse(arg.Text, 1, uint.MaxValue, out var hits)) throw call.Error(arg, "invalid --hitcount \"" + arg.Text + "\" (1-4294967295)");
                _hitCount = (uint)hits;
                break;
            }
            case ReapId:
                _reapToken = call.Token;
                break;
            case NameId:
            {
                var arg = call.Argument();
                if (arg.Text.Length == 0 || arg.Text.Length >= 200) throw call.Error(arg, "recent: name must be 1-199 characters long");
                _name = call.Context.Share(arg.Text);
                break;
            }
            case SourceId:
            case DestinationId:
                // As iptables: the last of --rsource/--rdest wins.
                _side = id == SourceId ? RecentSide.Source : RecentSide.Destination;
                break;
            case MaskId:
            {
                var arg = call.Argument();
                var family = arg.Text.IndexOf(':') >= 0 ? IpFamily.V6 : IpFamily.V4;
                IpAddress mask;
                var ok = family == IpFamily.V4 ? AddressText.TryParseInetAton(arg.Text, out mask) : IpAddress.TryParse(arg.Text, out mask);
                if (!ok) throw call.Error(arg, "invalid --mask \"" + arg.Text + "\" (an address mask)");
                call.Context.Family.Observe(family, line, arg, "recent --mask");
                _mask = mask;
                break;
            }
        }
    }

    public override void Finish(RuleParseContext context)
    {
        var line = context.Line;
        if (!_command.HasValue) throw line.Error(NameToken, "recent: you must specify one of --set, --rcheck, --update or --remove");
        var modifies = _seconds != 0 || _hitCount != 0 || Seen(ReapId) || Seen(TtlId);
        if ((_command == RecentCommand.Set || _command == RecentCommand.Remove) && modifies)
        {
            throw line.Error(_commandToken, "recent: --set and --remove cannot be combined with --seconds, --hitcount, --reap or --rttl");
        }
        if (Seen(ReapId) && _seconds == 0) throw line.Error(_reapToken, "recent: --reap requires --seconds");
    }

    public override Match Build(RuleParseContext context)
    {
        var mask = _mask ?? (context.Family.Require() == IpFamily.V4 ? IpAddress.FromV4(uint.MaxValue) : IpAddress.MaskOf(IpFamily.V6, 128));
        return new RecentMatch
        {
            Command = _command!.Value,
            Seconds = _seconds,
            Reap = Seen(ReapId),
            HitCount = _hitCount,
            Ttl = Seen(TtlId),
            Name = _name,
            Mask = mask,
            Side = _side,
            Inverted = _inverted,
        };
    }
}
