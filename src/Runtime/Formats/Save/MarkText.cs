namespace NatDsl.Formats.Save;

/// <summary><c>value[/mask]</c> as <c>xtables_parse_mark_mask</c> reads it (base-0 numbers, mask defaults to all ones).</summary>
internal static class MarkText
{
    public static void Parse(RuleToken token, InputLine line, out uint value, out uint mask)
    {
        var text = token.Text;
        var slash = text.IndexOf('/');
        var valueText = slash < 0 ? text : text.Substring(0, slash);
        if (!CNumber.TryParseUInt32(valueText, out value)) throw line.Error(token, "invalid mark value \"" + valueText + "\" (a 32-bit number)");
        mask = uint.MaxValue;
        if (slash < 0) return;
        var maskText = text.Substring(slash + 1);
        if (!CNumber.TryParseUInt32(maskText, out mask))
        {
            throw line.Error(token.Start + slash + 1, "invalid mark mask \"" + maskText + "\" (a 32-bit number)");
        }
    }

    /// <summary>A 32-bit number without mask.</summary>
    public static uint ParseValue(RuleToken token, InputLine line)
    {
        if (!CNumber.TryParseUInt32(token.Text, out var value)) throw line.Error(token, "invalid mark value \"" + token.Text + "\" (a 32-bit number)");
        return value;
    }
}
