namespace NatDsl.Formats.Save;

/// <summary>Interface names as <c>xtables_parse_interface</c> accepts them: 1-15 characters, a trailing <c>+</c> is a wildcard.</summary>
internal static class InterfaceText
{
    public static string Parse(RuleToken token, InputLine line, string what)
    {
        var name = token.Text;
        if (name.Length == 0) throw line.Error(token, "empty interface name in " + what);
        if (name.Length > 15) throw line.Error(token, "interface name \"" + name + "\" in " + what + " is longer than 15 characters");
        return name;
    }
}
