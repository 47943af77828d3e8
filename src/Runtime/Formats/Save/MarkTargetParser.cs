using NatDsl.Model;

namespace NatDsl.Formats.Save;

/// <summary>
/// <c>-j MARK</c> (revision 2) with exactly one of <c>--set-xmark V[/M]</c>, <c>--set-mark V[/M]</c>,
/// <c>--and-mark V</c>, <c>--or-mark V</c>, <c>--xor-mark V</c>, stored as value/mask like the kernel.
/// </summary>
internal sealed class MarkTargetParser : TargetParser
{
    private const int SetXMarkId = 0, SetMarkId = 1, AndMarkId = 2, OrMarkId = 3, XorMarkId = 4;

    private static readonly OptionSpec[] Specs =
    {
        new OptionSpec("set-xmark", SetXMarkId, true),
        new OptionSpec("set-mark", SetMarkId, true),
        new OptionSpec("and-mark", AndMarkId, true),
        new OptionSpec("or-mark", OrMarkId, true),
        new OptionSpec("xor-mark", XorMarkId, true),
    };

    private MarkTarget? _target;

    protected override void Clear()
    {
        _target = null;
    }

    public override OptionSpec[] Options => Specs;

    public override void ParseOption(int id, OptionCall call)
    {
        if (_target is not null) throw call.Error("MARK target: only one of --set-xmark, --set-mark, --and-mark, --or-mark, --xor-mark is allowed");
        call.NoInvert();
        var arg = call.Argument();
        var line = call.Context.Line;
        uint value, mask;
        switch (id)
        {
            case SetXMarkId:
                MarkText.Parse(arg, line, out value, out mask);
                _target = new MarkTarget(value, mask);
                break;
            case SetMarkId:
                MarkText.Parse(arg, line, out value, out mask);
                _target = new MarkTarget(value, value | mask);
                break;
            case AndMarkId:
                _target = MarkTarget.And(MarkText.ParseValue(arg, line));
                break;
            case OrMarkId:
                _target = MarkTarget.Or(MarkText.ParseValue(arg, line));
                break;
            default:
                _target = MarkTarget.Xor(MarkText.ParseValue(arg, line));
                break;
        }
    }

    public override void Finish(RuleParseContext context)
    {
        if (_target is null) throw context.Line.Error(NameToken, "MARK target: one of --set-xmark, --set-mark, --and-mark, --or-mark, --xor-mark is required");
    }

    public override Target Build(RuleParseContext context) => _target!;
}
