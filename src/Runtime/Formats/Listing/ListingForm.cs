using NatDsl.Model;

namespace NatDsl.Formats.Listing;

/// <summary>
/// The options an <c>iptables -L -n</c> listing was produced with, and the iptables release
/// family that shaped its text. The parser detects the form; the renderer takes it.
/// </summary>
public sealed record ListingForm
{
    /// <summary><c>-v</c>: counters and the <c>in</c>/<c>out</c> columns.</summary>
    public bool Verbose { get; init; }

    /// <summary><c>-x</c>: exact counters instead of the K/M/G/T rounding. Only meaningful with <see cref="Verbose"/>.</summary>
    public bool Exact { get; init; }

    /// <summary><c>--line-numbers</c>: a <c>num</c> column.</summary>
    public bool LineNumbers { get; init; }

    /// <summary>Protocol names or numbers in the <c>prot</c> column.</summary>
    public ListingDialect Dialect { get; init; } = ListingDialect.Names;

    /// <summary>For <see cref="ListingDialect.Names"/>: which release family (ignored for numbers).</summary>
    public ListingNamesRelease NamesRelease { get; init; } = ListingNamesRelease.UpTo1_8_7;

    /// <summary><c>iptables</c> (IPv4) or <c>ip6tables</c> (IPv6).</summary>
    public IpFamily Family { get; init; } = IpFamily.V4;

    /// <summary><c>iptables -L -n</c> in the names dialect.</summary>
    public static ListingForm Numeric { get; } = new ListingForm();

    /// <summary><c>iptables -L -v -n</c> in the names dialect.</summary>
    public static ListingForm VerboseNumeric { get; } = new ListingForm { Verbose = true };

    /// <summary><c>iptables -L -v -n -x</c> in the names dialect.</summary>
    public static ListingForm VerboseExact { get; } = new ListingForm { Verbose = true, Exact = true };

    /// <summary>
    /// True when the <c>prot</c> field is <c>%-4s </c> (numbers, or names from 1.8.11), false for the
    /// older <c>%-5s</c> without separator.
    /// </summary>
    internal bool SeparatedProtocolField => Dialect == ListingDialect.Numbers || NamesRelease == ListingNamesRelease.From1_8_11;

    /// <summary>True when counters are shown exactly (<c>-v -x</c>).</summary>
    internal bool ExactCounters => Verbose && Exact;

    /// <summary>A short description like <c>-L -v -n -x (numbers, IPv4)</c>.</summary>
    public override string ToString()
    {
        var flags = "-L" + (Verbose ? " -v" : string.Empty) + " -n" + (Exact ? " -x" : string.Empty) + (LineNumbers ? " --line-numbers" : string.Empty);
        var dialect = Dialect == ListingDialect.Numbers ? "numbers" : "names " + NamesRelease;
        return flags + " (" + dialect + ", " + (Family == IpFamily.V6 ? "IPv6" : "IPv4") + ")";
    }
}
