using NatDsl.Model;

namespace NatDsl.Formats.Save;

/// <summary><c>-m state [!] --state LIST</c> (INVALID, NEW, ESTABLISHED, RELATED, UNTRACKED).</summary>
internal sealed class StateMatchParser : MatchParser
{
    private static readonly string[] Names = { "INVALID", "NEW", "ESTABLISHED", "RELATED", "UNTRACKED" };

    private static readonly OptionSpec[] Specs = { new OptionSpec("state", 0, true) };

    private StateMatch? _match;

    protected override void Clear()
    {
        _match = null;
    }

    public override OptionSpec[] Options => Specs;

    public override void ParseOption(int id, OptionCall call)
    {
        Once(id, call);
        var states = ConntrackMatchParser.ParseStates(call.Argument(), call.Context.Line, Names);
        _match = new StateMatch(states, call.Inverted);
    }

    public override void Finish(RuleParseContext context)
    {
        if (_match is null) throw context.Line.Error(NameToken, "state: option \"--state\" must be specified");
    }

    public override Match Build(RuleParseContext context) => _match!;
}
