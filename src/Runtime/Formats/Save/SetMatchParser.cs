using NatDsl.Model;

namespace NatDsl.Formats.Save;

/// <summary>
/// <c>-m set [!] --match-set NAME src[,dst…] [--return-nomatch]</c>. The counter options
/// (<c>--update-counters</c>, <c>--packets-gt</c>, …) are not modelled and rejected.
/// </summary>
internal sealed class SetMatchParser : MatchParser
{
    private const int MatchSetId = 0, ReturnNoMatchId = 1, Unsupported = 2;

    private static readonly OptionSpec[] Specs =
    {
        new OptionSpec("match-set", MatchSetId, true),
        new OptionSpec("set", MatchSetId, true),
        new OptionSpec("return-nomatch", ReturnNoMatchId, false),
        new OptionSpec("update-counters", Unsupported, false),
        new OptionSpec("update-subcounters", Unsupported, false),
        new OptionSpec("packets-eq", Unsupported, true),
        new OptionSpec("packets-lt", Unsupported, true),
        new OptionSpec("packets-gt", Unsupported, true),
        new OptionSpec("bytes-eq", Unsupported, true),
        new OptionSpec("bytes-lt", Unsupported, true),
        new OptionSpec("bytes-gt", Unsupported, true),
    };

    private string? _name;
    private string _directions = string.Empty;
    private bool _inverted;

    protected override void Clear()
    {
        _name = null;
        _directions = string.Empty;
        _inverted = false;
    }

    public override OptionSpec[] Options => Specs;

    public override void ParseOption(int id, OptionCall call)
    {
        if (id == Unsupported) throw call.Error("set option \"--" + call.Name + "\" is not supported by the rule model");
        Once(id, call);
        if (id == ReturnNoMatchId)
        {
            call.NoInvert();
            return;
        }
        var name = call.Argument();
        if (name.Text.Length == 0 || name.Text.Length > 31) throw call.Error(name, "set name must be 1-31 characters long");
        var context = call.Context;
        if (!context.HasMore) throw call.Error("--match-set requires two arguments: NAME and a flag list such as src,dst");
        var flags = context.Next();
        var items = flags.Text.Split(',');
        if (items.Length > 6) throw call.Error(flags, "at most 6 src/dst flags are allowed");
        foreach (var item in items)
        {
            if (item != "src" && item != "dst") throw call.Error(flags, "bad set flag list \"" + flags.Text + "\" (comma-separated src and dst)");
        }
        _name = name.Text;
        _directions = flags.Text;
        _inverted = call.Inverted;
    }

    public override void Finish(RuleParseContext context)
    {
        if (_name is null) throw context.Line.Error(NameToken, "set: you must specify --match-set");
    }

    public override Match Build(RuleParseContext context) => new SetMatch(_name!, _directions, _inverted, Seen(ReturnNoMatchId));
}
