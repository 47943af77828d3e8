namespace NatDsl.Formats.Save;

/// <summary>Names of the generic iptables options (short and long), for routing and for ending raw extension text.</summary>
internal static class GenericOptions
{
    private static readonly (string Name, GenericOption Option)[] LongNames =
    {
        ("source", GenericOption.Source), ("src", GenericOption.Source),
        ("destination", GenericOption.Destination), ("dst", GenericOption.Destination),
        ("in-interface", GenericOption.InInterface), ("out-interface", GenericOption.OutInterface),
        ("protocol", GenericOption.Protocol), ("fragments", GenericOption.Fragment),
        ("match", GenericOption.Match), ("jump", GenericOption.Jump), ("goto", GenericOption.Goto),
        ("set-counters", GenericOption.SetCounters), ("table", GenericOption.Table),
        ("append", GenericOption.Command), ("insert", GenericOption.Command), ("delete", GenericOption.Command),
        ("replace", GenericOption.Command), ("new-chain", GenericOption.Command), ("delete-chain", GenericOption.Command),
        ("flush", GenericOption.Command), ("policy", GenericOption.Command), ("zero", GenericOption.Command),
        ("list", GenericOption.Command), ("list-rules", GenericOption.Command), ("rename-chain", GenericOption.Command),
        ("check", GenericOption.Command),
        // The rest of iptables 1.8.9's option table: they take part in resolving abbreviations
        // (--mo is ambiguous between statistic's --mode and --modprobe).
        ("verbose", GenericOption.Verbose), ("modprobe", GenericOption.Modprobe),
        ("numeric", GenericOption.NotInRule), ("exact", GenericOption.NotInRule), ("line-numbers", GenericOption.NotInRule),
        ("wait", GenericOption.NotInRule), ("wait-interval", GenericOption.NotInRule), ("version", GenericOption.NotInRule),
        ("help", GenericOption.NotInRule), ("ipv4", GenericOption.Ipv4), ("ipv6", GenericOption.Ipv6),
    };

    /// <summary>The long options, for prefix resolution.</summary>
    public static (string Name, GenericOption Option)[] Long => LongNames;

    /// <summary>A short option such as <c>-s</c> (the whole token), or <see cref="GenericOption.None"/>.</summary>
    public static GenericOption Short(string token) => token.Length != 2 || token[0] != '-' ? GenericOption.None : Short(token[1]);

    /// <summary>The short option <c>-</c><paramref name="letter"/>, or <see cref="GenericOption.None"/>.</summary>
    public static GenericOption Short(char letter) => letter switch
    {
        's' => GenericOption.Source,
        'd' => GenericOption.Destination,
        'i' => GenericOption.InInterface,
        'o' => GenericOption.OutInterface,
        'p' => GenericOption.Protocol,
        'f' => GenericOption.Fragment,
        'm' => GenericOption.Match,
        'j' => GenericOption.Jump,
        'g' => GenericOption.Goto,
        'c' => GenericOption.SetCounters,
        't' => GenericOption.Table,
        'A' or 'I' or 'D' or 'R' or 'N' or 'X' or 'F' or 'P' or 'Z' or 'L' or 'S' or 'E' or 'C' => GenericOption.Command,
        'v' => GenericOption.Verbose,
        'M' => GenericOption.Modprobe,
        'n' or 'x' or 'w' or 'W' or 'V' or 'h' => GenericOption.NotInRule,
        '4' => GenericOption.Ipv4,
        '6' => GenericOption.Ipv6,
        _ => GenericOption.None,
    };

    /// <summary>A long option name (without dashes) exactly, or <see cref="GenericOption.None"/>.</summary>
    public static GenericOption LongExact(string name) => name switch
    {
        "source" or "src" => GenericOption.Source,
        "destination" or "dst" => GenericOption.Destination,
        "in-interface" => GenericOption.InInterface,
        "out-interface" => GenericOption.OutInterface,
        "protocol" => GenericOption.Protocol,
        "fragments" => GenericOption.Fragment,
        "verbose" => GenericOption.Verbose,
        "modprobe" => GenericOption.Modprobe,
        "numeric" or "exact" or "line-numbers" or "wait" or "wait-interval" or "version" or "help" => GenericOption.NotInRule,
        "ipv4" => GenericOption.Ipv4,
        "ipv6" => GenericOption.Ipv6,
        "match" => GenericOption.Match,
        "jump" => GenericOption.Jump,
        "goto" => GenericOption.Goto,
        "set-counters" => GenericOption.SetCounters,
        "table" => GenericOption.Table,
        "append" or "insert" or "delete" or "replace" or "new-chain" or "delete-chain" or "flush" or "policy" or "zero"
            or "list" or "list-rules" or "rename-chain" or "check" => GenericOption.Command,
        _ => GenericOption.None,
    };

    /// <summary>
    /// True when an argument is a generic option as written (<c>-s</c>, <c>--source</c>,
    /// <c>--source=…</c>), quoted or not: iptables-restore removes quotes before its option loop.
    /// </summary>
    public static bool IsGeneric(RuleToken token)
    {
        var text = token.Text;
        if (text.Length < 2 || text[0] != '-') return false;
        if (text[1] != '-') return Short(text) != GenericOption.None;
        var eq = text.IndexOf('=');
        var name = eq < 0 ? text.Substring(2) : text.Substring(2, eq - 2);
        return LongExact(name) != GenericOption.None;
    }

    /// <summary>
    /// The options iptables 1.8.9 reads from the word after the option (<c>argv[optind - 1]</c>)
    /// rather than from getopt's argument: written attached (<c>-s1.2.3.4</c>) or with
    /// <c>=</c> (<c>--source=1.2.3.4</c>), their value is the whole word. For -s, -d, -p and -j
    /// that word is never valid; for -i and -o it is an interface name (<c>-ieth0</c> names the
    /// interface "-ieth0"). -m, -g and -c read getopt's argument as usual.
    /// </summary>
    public static bool ReadsWholeWord(GenericOption option) => option is GenericOption.Source or GenericOption.Destination
        or GenericOption.InInterface or GenericOption.OutInterface or GenericOption.Protocol or GenericOption.Jump;
}
