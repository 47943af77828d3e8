using System.Text;
using NatDsl.Model;

namespace NatDsl.Formats.Save;

/// <summary><c>-m comment --comment TEXT</c> (at most 255 bytes of UTF-8).</summary>
internal sealed class CommentMatchParser : MatchParser
{
    private static readonly OptionSpec[] Specs = { new OptionSpec("comment", 0, true) };

    private string? _text;

    protected override void Clear()
    {
        _text = null;
    }

    public override OptionSpec[] Options => Specs;

    public override void ParseOption(int id, OptionCall call)
    {
        Once(id, call);
        call.NoInvert();
        var arg = call.Argument();
        var bytes = Encoding.UTF8.GetByteCount(arg.Text);
        if (bytes > 255) throw call.Error(arg, "comment is " + bytes.ToString(System.Globalization.CultureInfo.InvariantCulture) + " bytes long; at most 255 are allowed");
        _text = call.Context.Share(arg.Text);
    }

    public override void Finish(RuleParseContext context)
    {
        if (_text is null) throw context.Line.Error(NameToken, "comment: option \"--comment\" must be specified");
    }

    public override Match Build(RuleParseContext context) => new CommentMatch(_text!);
}
