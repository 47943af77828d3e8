using System.Collections.Generic;
using NatDsl.Analysis.Diff;
using NatDsl.Formats;
using NatDsl.Formats.Listing;
using NatDsl.Formats.Save;
using NatDsl.Model;

namespace NatDsl.Cli.Presentation;

/// <summary>Shows a diff result as JSON (the text form is <see cref="DiffReport"/>).</summary>
public static class DiffPresenter
{
    /// <summary>
    /// The JSON form: <c>equal</c>, the two inputs, how they were compared (<c>listingForm</c>,
    /// <c>notes</c>) and the differences with their rules as iptables-save lines.
    /// </summary>
    public static string Json(DiffResult result, Dump expected, Dump actual, ListingForm? form, IReadOnlyList<string> notes) => JsonOutput.Write(w =>
    {
        w.WriteStartObject();
        w.WriteBoolean("equal", result.AreEqual);
        Input(w, "expected", expected);
        Input(w, "actual", actual);
        w.WriteStartObject("comparison");
        if (form is null) w.WriteNull("listingForm");
        else w.WriteString("listingForm", Flags(form));
        w.WriteBoolean("ignoreCounters", result.Options.IgnoreCounters);
        w.WriteBoolean("unorderedServiceGroups", result.Options.UnorderedServiceGroups);
        w.WriteBoolean("kubeProxySort", result.Options.KubeProxySort);
        w.WriteBoolean("ignoreChainOrder", result.Options.IgnoreChainOrder);
        w.WriteStartArray("notes");
        foreach (var note in notes) w.WriteStringValue(note);
        w.WriteEndArray();
        w.WriteEndObject();
        Differences(w, result);
        w.WriteEndObject();
    });

    /// <summary>
    /// The <c>differences</c> array: each difference with its kind, place, the rules of both sides
    /// as iptables-save lines and the explanation (shared by <c>diff --json</c> and <c>verify --json</c>).
    /// </summary>
    public static void Differences(System.Text.Json.Utf8JsonWriter w, DiffResult result)
    {
        w.WriteStartArray("differences");
        foreach (var d in result.Differences)
        {
            w.WriteStartObject();
            w.WriteString("kind", d.Kind.ToString());
            w.WriteBoolean("note", d.IsNote);
            w.WriteString("table", d.Table);
            if (d.Chain is null) w.WriteNull("chain"); else w.WriteString("chain", d.Chain);
            Position(w, "expectedRule", d, d.ExpectedIndex);
            Position(w, "actualRule", d, d.ActualIndex);
            Rule(w, "expected", d.Chain, d.Expected);
            Rule(w, "actual", d.Chain, d.Actual);
            w.WriteString("explanation", d.Explanation);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    /// <summary>How a listing form is named on iptables' command line: <c>-L -v -n -x</c>.</summary>
    public static string Flags(ListingForm form) => "-L" + (form.Verbose ? " -v" : string.Empty) + " -n" + (form.Verbose && form.Exact ? " -x" : string.Empty);

    private static void Input(System.Text.Json.Utf8JsonWriter w, string name, Dump dump)
    {
        w.WriteStartObject(name);
        w.WriteString("source", dump.Source);
        w.WriteString("format", dump.Format switch { DumpFormat.Listing => "listing", DumpFormat.Rules => "rules", _ => "save" });
        if (dump.Listing is not null) w.WriteString("form", dump.Listing.Form.ToString());
        w.WriteEndObject();
    }

    private static void Position(System.Text.Json.Utf8JsonWriter w, string name, Difference d, int? index)
    {
        if (d.Expected is null && d.Actual is null) return;
        if (index is { } i) w.WriteNumber(name, i + 1); else w.WriteNull(name);
    }

    private static void Rule(System.Text.Json.Utf8JsonWriter w, string name, string? chain, Rule? rule)
    {
        if (rule is null) return;
        w.WriteString(name, SaveRenderer.RenderRule(chain ?? string.Empty, rule));
    }
}
