using NatDsl.Model;

namespace NatDsl.Formats.Save;

/// <summary><c>-m mark [!] --mark VALUE[/MASK]</c>.</summary>
internal sealed class MarkMatchParser : MatchParser
{
    private static readonly OptionSpec[] Specs = { new OptionSpec("mark", 0, true) };

    private MarkMatch? _match;

    protected override void Clear()
    {
        _match = null;
    }

    public override OptionSpec[] Options => Specs;

    public override void ParseOption(int id, OptionCall call)
    {
        Once(id, call);
        MarkText.Parse(call.Argument(), call.Context.Line, out var value, out var mask);
        _match = new MarkMatch(value, mask, call.Inverted);
    }

    public override void Finish(RuleParseContext context)
    {
        if (_match is null) throw context.Line.Error(NameToken, "mark: option \"--mark\" must be specified");
    }

    public override Match Build(RuleParseContext context) => _match!;
}
