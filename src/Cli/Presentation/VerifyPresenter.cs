using NatDsl.Analysis.Diff;
using NatDsl.Formats;
using NatDsl.Formats.Listing;

namespace NatDsl.Cli.Presentation;

/// <summary>Shows the verdict of <c>natdsl verify</c> as JSON (the text form is a line, or <see cref="DiffReport"/>).</summary>
public static class VerifyPresenter
{
    /// <summary>
    /// The JSON form: <c>verified</c>, the input and the golden dump (source and format), how they
    /// were compared and the differences, as <c>diff --json</c> shows them.
    /// </summary>
    /// <param name="result">The comparison; its expected side is the golden dump.</param>
    /// <param name="input">The display name of the input (DSL source, project or restore file).</param>
    /// <param name="inputKind">What the input was taken as: <c>dsl</c>, <c>restore-script</c> or <c>dump</c>.</param>
    /// <param name="golden">The display name of the golden dump.</param>
    /// <param name="goldenFormat">The golden dump's format.</param>
    /// <param name="form">The golden listing's form, or null when it is not a listing.</param>
    public static string Json(DiffResult result, string input, string inputKind, string golden, DumpFormat goldenFormat, ListingForm? form) => JsonOutput.Write(w =>
    {
        w.WriteStartObject();
        w.WriteBoolean("verified", result.AreEqual);
        w.WriteStartObject("input");
        w.WriteString("source", input);
        w.WriteString("kind", inputKind);
        w.WriteEndObject();
        w.WriteStartObject("golden");
        w.WriteString("source", golden);
        w.WriteString("format", goldenFormat switch { DumpFormat.Listing => "listing", DumpFormat.Rules => "rules", _ => "save" });
        if (form is null) w.WriteNull("listingForm"); else w.WriteString("listingForm", DiffPresenter.Flags(form));
        w.WriteEndObject();
        w.WriteStartObject("comparison");
        w.WriteBoolean("ignoreCounters", result.Options.IgnoreCounters);
        w.WriteBoolean("kubeProxySort", result.Options.KubeProxySort);
        w.WriteBoolean("ignoreChainOrder", result.Options.IgnoreChainOrder);
        w.WriteEndObject();
        DiffPresenter.Differences(w, result);
        w.WriteEndObject();
    });
}
