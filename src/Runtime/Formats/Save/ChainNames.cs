namespace NatDsl.Formats.Save;

/// <summary>The rules iptables applies to new chain names.</summary>
internal static class ChainNames
{
    /// <summary>Throws unless <paramref name="token"/> is a valid user chain name.</summary>
    public static void Validate(RuleToken token, InputLine line)
    {
        var name = token.Text;
        if (name.Length == 0) throw line.Error(token, "empty chain name");
        if (name.Length > 28) throw line.Error(token, "chain name \"" + name + "\" is longer than 28 characters");
        if (name[0] == '-' || name[0] == '!') throw line.Error(token, "chain name \"" + name + "\" may not start with - or !");
        foreach (var c in name)
        {
            if (c == ' ' || c == '\t') throw line.Error(token, "chain name \"" + name + "\" may not contain white space");
        }
        if (ExtensionRegistry.IsTargetName(name)) throw line.Error(token, "chain name \"" + name + "\" clashes with the target of that name");
    }
}
