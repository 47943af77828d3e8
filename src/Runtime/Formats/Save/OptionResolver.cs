using System.Collections.Generic;

namespace NatDsl.Formats.Save;

/// <summary>How getopt_long finds a long option in iptables' merged option table.</summary>
internal static class OptionResolver
{
    /// <summary>
    /// Resolves a long option: generic exact, then the newest extension that has it exactly, then
    /// a unique prefix among all of them (as getopt_long); throws when a prefix is ambiguous.
    /// </summary>
    public static GenericOption ResolveLong(ref string name, List<ExtensionParser> extensions, InputLine line, RuleToken token, out ExtensionParser? owner, out int specIndex)
    {
        owner = null;
        specIndex = -1;
        var generic = GenericOptions.LongExact(name);
        if (generic != GenericOption.None) return generic;
        for (var i = extensions.Count - 1; i >= 0; i--)
        {
            var index = extensions[i].FindOption(name);
            if (index >= 0)
            {
                owner = extensions[i];
                specIndex = index;
                return GenericOption.None;
            }
        }
        if (name.Length == 0) return GenericOption.None;

        // Unique prefix: candidates that mean different things make it ambiguous.
        var found = false;
        var resultGeneric = GenericOption.None;
        ExtensionParser? resultOwner = null;
        var resultIndex = -1;
        string resultName = name;
        string? firstKey = null;
        var ambiguous = false;
        var names = new List<string>();
        foreach (var (n, option) in GenericOptions.Long)
        {
            if (!n.StartsWith(name, System.StringComparison.Ordinal)) continue;
            names.Add("--" + n);
            var key = option is GenericOption.Command or GenericOption.NotInRule ? "command " + n : "generic " + option;
            if (!found)
            {
                found = true;
                firstKey = key;
                resultGeneric = option;
                resultName = n;
            }
            else if (key != firstKey)
            {
                ambiguous = true;
            }
        }
        for (var i = extensions.Count - 1; i >= 0; i--)
        {
            var options = extensions[i].Options;
            for (var k = 0; k < options.Length; k++)
            {
                if (!options[k].Name.StartsWith(name, System.StringComparison.Ordinal)) continue;
                names.Add("--" + options[k].Name);
                var key = extensions[i].GetType().Name + " " + options[k].Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
                if (!found)
                {
                    found = true;
                    firstKey = key;
                    resultOwner = extensions[i];
                    resultIndex = k;
                    resultName = options[k].Name;
                }
                else if (key != firstKey)
                {
                    ambiguous = true;
                }
            }
        }
        if (!found) return GenericOption.None;
        if (ambiguous) throw line.Error(token, "option \"--" + name + "\" is ambiguous (" + string.Join(", ", names) + ")");
        name = resultName;
        owner = resultOwner;
        specIndex = resultIndex;
        return resultGeneric;
    }
}
