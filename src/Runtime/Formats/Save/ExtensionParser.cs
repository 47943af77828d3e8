namespace NatDsl.Formats.Save;

/// <summary>
/// Parses the options of one <c>-m</c> match or <c>-j</c> target occurrence in a rule. One
/// instance per occurrence; options are routed to the most recently loaded extension that
/// declares them, as iptables' merged getopt table does.
/// </summary>
internal abstract class ExtensionParser
{
    private ulong _seen;

    protected ExtensionParser(RuleToken nameToken)
    {
        NameToken = nameToken;
    }

    /// <summary>The token that loaded the extension (<c>-m NAME</c>'s name, or the option that loaded an implicit protocol match).</summary>
    public RuleToken NameToken { get; }

    /// <summary>The extension's long options.</summary>
    public abstract OptionSpec[] Options { get; }

    /// <summary>Handles one option (its id from <see cref="Options"/>).</summary>
    public abstract void ParseOption(int id, OptionCall call);

    /// <summary>Final checks once the whole rule is read.</summary>
    public virtual void Finish(RuleParseContext context)
    {
    }

    /// <summary>Finds an option by exact name; -1 when it is not one of this extension's.</summary>
    public int FindOption(string name)
    {
        var options = Options;
        for (var i = 0; i < options.Length; i++)
        {
            if (string.Equals(options[i].Name, name, System.StringComparison.Ordinal)) return i;
        }
        return -1;
    }

    /// <summary>True when an option with this id was given.</summary>
    protected bool Seen(int id) => (_seen & (1UL << id)) != 0;

    /// <summary>Records an option, rejecting a second occurrence as libxtables does.</summary>
    protected void Once(int id, OptionCall call)
    {
        if (Seen(id)) throw call.Error("option \"--" + call.Name + "\" can only be used once");
        _seen |= 1UL << id;
    }
}
