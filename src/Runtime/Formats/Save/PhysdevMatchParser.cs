using NatDsl.Model;

namespace NatDsl.Formats.Save;

/// <summary><c>-m physdev</c>: <c>[!] --physdev-in|out NAME</c>, <c>[!] --physdev-is-in|out|bridged</c>.</summary>
internal sealed class PhysdevMatchParser : MatchParser
{
    private const int InId = 0, OutId = 1, IsInId = 2, IsOutId = 3, IsBridgedId = 4;

    private static readonly OptionSpec[] Specs =
    {
        new OptionSpec("physdev-in", InId, true),
        new OptionSpec("physdev-out", OutId, true),
        new OptionSpec("physdev-is-in", IsInId, false),
        new OptionSpec("physdev-is-out", IsOutId, false),
        new OptionSpec("physdev-is-bridged", IsBridgedId, false),
    };

    /// <summary>The value before any option (immutable, so one instance serves every rule).</summary>
    private static readonly PhysdevMatch Empty = new PhysdevMatch();

    private PhysdevMatch _match = Empty;

    protected override void Clear()
    {
        _match = Empty;
    }

    public override OptionSpec[] Options => Specs;

    public override void ParseOption(int id, OptionCall call)
    {
        Once(id, call);
        var inv = call.Inverted;
        var line = call.Context.Line;
        switch (id)
        {
            case InId:
                _match = _match with { In = new Negatable<string>(InterfaceText.Parse(call.Argument(), line, "--physdev-in"), inv) };
                break;
            case OutId:
                _match = _match with { Out = new Negatable<string>(InterfaceText.Parse(call.Argument(), line, "--physdev-out"), inv) };
                break;
            case IsInId:
                _match = _match with { IsIn = new Negatable<bool>(true, inv) };
                break;
            case IsOutId:
                _match = _match with { IsOut = new Negatable<bool>(true, inv) };
                break;
            case IsBridgedId:
                _match = _match with { IsBridged = new Negatable<bool>(true, inv) };
                break;
        }
    }

    public override void Finish(RuleParseContext context)
    {
        if (_match == new PhysdevMatch()) throw context.Line.Error(NameToken, "physdev: no physdev option specified");
    }

    public override Match Build(RuleParseContext context) => _match;
}
