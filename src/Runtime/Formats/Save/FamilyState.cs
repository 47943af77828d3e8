using NatDsl.Model;

namespace NatDsl.Formats.Save;

/// <summary>
/// The address family of the rule set being parsed: fixed by the caller, by an
/// <c>ip6tables-save</c> header, or decided by the first family-specific item (an address,
/// <c>-m icmp</c>/<c>icmp6</c>, <c>-f</c>, a family-specific default); later items must agree.
/// </summary>
internal sealed class FamilyState
{
    private readonly IpFamily? _given;

    public FamilyState(IpFamily? family)
    {
        _given = family;
        Decided = family;
        IsFixedByCaller = family.HasValue;
    }

    /// <summary>Forgets everything observed: the state of a new instance (for a context that parses another piece of a text).</summary>
    public void Restart()
    {
        Decided = _given;
        Seen = 0;
    }

    public IpFamily? Decided { get; private set; }

    public bool IsFixedByCaller { get; }

    /// <summary>
    /// The families asked for or observed since this was last set to 0 (1: IPv4, 2: IPv6), for
    /// <see cref="RuleLinePreparse"/>: a rule parsed ahead with no family, or with the one the
    /// line loop has decided, is exactly what the loop would have parsed.
    /// </summary>
    public int Seen { get; set; }

    /// <summary>
    /// Takes the families <paramref name="seen"/> by a rule parsed ahead as if the rule had been
    /// parsed here; false when it cannot be (both families, or not this state's family): the
    /// rule must then be parsed here.
    /// </summary>
    public bool TryAdopt(int seen)
    {
        if (seen == 0) return true;
        if (seen == 3) return false;
        var family = seen == 1 ? IpFamily.V4 : IpFamily.V6;
        if (!Decided.HasValue)
        {
            Decided = family;
            return true;
        }
        return Decided.Value == family;
    }

    private void Saw(IpFamily family) => Seen |= family == IpFamily.V4 ? 1 : 2;

    /// <summary>Decides the family from a header line when nothing decided it yet.</summary>
    public void DecideFromHeader(IpFamily family)
    {
        if (!Decided.HasValue) Decided = family;
    }

    /// <summary>Records family-specific evidence at a token; throws when it contradicts the family.</summary>
    public void Observe(IpFamily family, InputLine line, RuleToken at, string what)
    {
        Saw(family);
        if (!Decided.HasValue)
        {
            Decided = family;
            return;
        }
        if (Decided.Value != family)
        {
            throw line.Error(at, what + " is " + Name(family) + " but the rule set is " + Name(Decided.Value)
                + (IsFixedByCaller ? " (as the parse options say)" : " (decided by earlier input; pass the family in the parse options if that is wrong)"));
        }
    }

    /// <summary>
    /// Records family-specific evidence when it agrees with the family (or decides it), as
    /// <see cref="Observe(IpFamily, InputLine, RuleToken, string)"/> does; false, recording
    /// nothing, when it contradicts it (the caller then reports it through <c>Observe</c>).
    /// </summary>
    public bool TryObserve(IpFamily family)
    {
        if (Decided.HasValue && Decided.Value != family) return false;
        Saw(family);
        Decided = family;
        return true;
    }

    /// <summary>As <see cref="Observe(IpFamily, InputLine, RuleToken, string)"/> for <c>what + " address " + address</c>, made only for the error.</summary>
    public void Observe(IpFamily family, InputLine line, RuleToken at, string what, string address)
    {
        if (Decided.HasValue && Decided.Value == family)
        {
            Saw(family);
            return;
        }
        Observe(family, line, at, what + " address " + address);
    }

    /// <summary>The family, deciding IPv4 when nothing decided it yet.</summary>
    public IpFamily Require()
    {
        Decided ??= IpFamily.V4;
        Saw(Decided.Value);
        return Decided.Value;
    }

    private static string Name(IpFamily family) => family == IpFamily.V4 ? "IPv4" : "IPv6";
}
