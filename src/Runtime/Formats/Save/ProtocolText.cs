namespace NatDsl.Formats.Save;

/// <summary>Protocols as <c>xtables_parse_protocol</c> reads them: a base-0 number 0-255, else a name.</summary>
internal static class ProtocolText
{
    public static bool TryParse(string text, out int number)
    {
        if (CNumber.TryParse(text, 0, 255, out var n))
        {
            number = (int)n;
            return true;
        }
        return ProtocolNames.TryParse(text, out number);
    }
}
