namespace NatDsl.Formats.Save;

/// <summary>
/// Parses the options of one <c>-m</c> match or <c>-j</c> target occurrence in a rule; options
/// are routed to the most recently loaded extension that declares them, as iptables' merged
/// getopt table does. An instance serves one occurrence at a time and is reused for later rules
/// (<see cref="RuleParseContext.Parser{T}"/>): <see cref="Start"/> makes it new again.
/// </summary>
internal abstract class ExtensionParser
{
    private ulong _seen;

    /// <summary>The token that loaded the extension (<c>-m NAME</c>'s name, or the option that loaded an implicit protocol match).</summary>
    public RuleToken NameToken { get; private set; }

    /// <summary>The rule (a <see cref="RuleParseContext"/> count) this instance was last handed out for.</summary>
    internal int Rule { get; set; }

    /// <summary>The extension's long options.</summary>
    public abstract OptionSpec[] Options { get; }

    /// <summary>Forgets the previous occurrence: the state of a new instance for the extension loaded by <paramref name="nameToken"/>.</summary>
    public void Start(RuleToken nameToken)
    {
        NameToken = nameToken;
        _seen = 0;
        Clear();
    }

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

    /// <summary>Sets every field of the subclass to its value before any option (called by <see cref="Start"/>).</summary>
    protected abstract void Clear();

    /// <summary>True when an option with this id was given.</summary>
    protected bool Seen(int id) => (_seen & (1UL << id)) != 0;

    /// <summary>Records an option, rejecting a second occurrence as libxtables does.</summary>
    protected void Once(int id, OptionCall call)
    {
        if (Seen(id)) throw call.Error("option \"--" + call.Name + "\" can only be used once");
        _seen |= 1UL << id;
    }
}
