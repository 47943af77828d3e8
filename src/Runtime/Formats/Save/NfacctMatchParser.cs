using NatDsl.Model;

namespace NatDsl.Formats.Save;

/// <summary><c>-m nfacct --nfacct-name NAME</c> (at most 31 characters).</summary>
internal sealed class NfacctMatchParser : MatchParser
{
    private static readonly OptionSpec[] Specs = { new OptionSpec("nfacct-name", 0, true) };

    private string? _name;

    protected override void Clear()
    {
        _name = null;
    }

    public override OptionSpec[] Options => Specs;

    public override void ParseOption(int id, OptionCall call)
    {
        Once(id, call);
        call.NoInvert();
        var arg = call.Argument();
        if (arg.Text.Length == 0 || arg.Text.Length > 31) throw call.Error(arg, "nfacct name must be 1-31 characters long");
        if (arg.Text.IndexOf('\n') >= 0) throw call.Error(arg, "newlines are not allowed in --nfacct-name");
        _name = arg.Text;
    }

    public override void Finish(RuleParseContext context)
    {
        if (_name is null) throw context.Line.Error(NameToken, "nfacct: option \"--nfacct-name\" must be specified");
    }

    public override Match Build(RuleParseContext context) => new NfacctMatch(_name!);
}
