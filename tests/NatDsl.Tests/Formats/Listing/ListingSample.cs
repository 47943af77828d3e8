using System.Linq;
using NatDsl.Formats.Listing;
using NatDsl.Model;
using NUnit.Framework;

namespace NatDsl.Tests.Formats.Listing;

/// <summary>Builds small <c>-L -n</c> listings (numbers dialect) for unit tests, written out literally.</summary>
internal static class ListingSample
{
    public const string Header = "target     prot opt source               destination         ";

    /// <summary>One rule line of an IPv4 <c>-L -n</c> listing; <paramref name="extras"/> without the leading space.</summary>
    public static string Line(string target, string prot, string extras, string source = "0.0.0.0/0", string destination = "0.0.0.0/0") =>
        target.PadRight(9) + "  " + prot.PadRight(4) + " -- " + " " + source.PadRight(19) + "  " + destination.PadRight(19) + " " + (extras.Length > 0 ? " " + extras : string.Empty);

    /// <summary>A filter listing whose INPUT chain holds the given rule lines, with user chains X and Y.</summary>
    public static string Listing(params string[] ruleLines) => Listing(0, ruleLines);

    /// <summary>As <see cref="Listing(string[])"/>, with the number of rules that jump to X.</summary>
    public static string Listing(int xReferences, params string[] ruleLines) =>
        "Chain INPUT (policy ACCEPT)\n" + Header + "\n" + string.Concat(ruleLines.Select(l => l + "\n"))
        + "\nChain FORWARD (policy ACCEPT)\n" + Header + "\n"
        + "\nChain OUTPUT (policy ACCEPT)\n" + Header + "\n"
        + "\nChain X (" + xReferences.ToString(System.Globalization.CultureInfo.InvariantCulture) + " references)\n" + Header + "\n"
        + "\nChain Y (0 references)\n" + Header + "\n";

    /// <summary>Parses a one-rule listing, checks it renders back unchanged, and returns the rule.</summary>
    public static Rule ParseRule(string target, string prot, string extras, IpFamily family = IpFamily.V4)
    {
        var any = family == IpFamily.V6 ? "::/0" : "0.0.0.0/0";
        var text = Listing(target == "X" ? 1 : 0, Line(target, prot, extras, any, any));
        var document = ListingParser.Parse(text);
        Assert.That(ListingRenderer.Render(document), Is.EqualTo(text));
        return document.Table.FindChain("INPUT")!.Rules[0];
    }
}
