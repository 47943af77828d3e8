using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.Json;
using NatDsl.Analysis.Explain;

namespace NatDsl.Cli.Presentation;

/// <summary>Shows an explanation as one table per service port, or as JSON.</summary>
public static class ExplainPresenter
{
    /// <summary>The readable form.</summary>
    public static string Text(Explanation explanation)
    {
        var sb = new StringBuilder();
        foreach (var svc in explanation.Services)
        {
            sb.Append(Terminal.Paint(svc.Name, "1")).Append(" (").Append(svc.Protocol).Append(')');
            if (svc.ServiceChain.Length > 0) sb.Append("  ").Append(svc.ServiceChain);
            sb.Append('\n');
            var facts = "  policy " + svc.ExternalTrafficPolicy + ", affinity " +
                (svc.AffinitySeconds is { } s ? "ClientIP " + s.ToString(CultureInfo.InvariantCulture) + "s" : "none") +
                (svc.HasNoEndpoints ? ", REJECTED: no endpoints" : string.Empty);
            sb.Append(facts).Append('\n');
            var table = new TextTable("frontend", "address", "endpoint", "share", "masquerade");
            foreach (var f in svc.Frontends)
            {
                var address = (f.Address?.ToString() ?? "<node>") + ":" + f.Port.ToString(CultureInfo.InvariantCulture);
                var masq = f.Masqueraded switch { true => "yes", false => "no", _ => "mixed" };
                if (f.Endpoints.Count == 0)
                {
                    table.Add(f.Kind, address, "(none)", string.Empty, f.Note);
                    continue;
                }
                var first = true;
                foreach (var e in f.Endpoints)
                {
                    table.Add(first ? f.Kind : string.Empty, first ? address : string.Empty, e.Address + ":" + e.Port.ToString(CultureInfo.InvariantCulture), e.Probability.ToPercent(2), first ? masq : string.Empty);
                    first = false;
                }
                if (f.Note.Length > 0) table.Add(string.Empty, string.Empty, f.Note);
            }
            foreach (var line in table.Render(Terminal.Width).Split('\n').Where(l => l.Length > 0)) sb.Append("  ").Append(line).Append('\n');
            sb.Append('\n');
        }
        if (explanation.Others.Count > 0)
        {
            sb.Append(Terminal.Paint("rules that belong to no service", "1")).Append('\n');
            var table = new TextTable("table", "chain", "rules", "owner", "what");
            foreach (var o in explanation.Others) table.Add(o.Table, o.Chain, o.RuleCount.ToString(CultureInfo.InvariantCulture), o.Owner, o.Summary);
            foreach (var line in table.Render(Terminal.Width).Split('\n').Where(l => l.Length > 0)) sb.Append("  ").Append(line).Append('\n');
        }
        return sb.ToString();
    }

    /// <summary>The JSON form.</summary>
    public static string Json(Explanation explanation) => JsonOutput.Write(w =>
    {
        w.WriteStartObject();
        w.WriteStartArray("services");
        foreach (var svc in explanation.Services)
        {
            w.WriteStartObject();
            w.WriteString("name", svc.Name);
            w.WriteString("protocol", svc.Protocol);
            w.WriteString("serviceChain", svc.ServiceChain);
            w.WriteString("externalTrafficPolicy", svc.ExternalTrafficPolicy);
            if (svc.AffinitySeconds is { } s) w.WriteNumber("affinitySeconds", s); else w.WriteNull("affinitySeconds");
            w.WriteBoolean("hasNoEndpoints", svc.HasNoEndpoints);
            w.WriteStartArray("frontends");
            foreach (var f in svc.Frontends)
            {
                w.WriteStartObject();
                w.WriteString("kind", f.Kind);
                if (f.Address is { } a) w.WriteString("address", a.ToString()); else w.WriteNull("address");
                w.WriteNumber("port", f.Port);
                if (f.Masqueraded is { } m) w.WriteBoolean("masquerade", m); else w.WriteNull("masquerade");
                if (f.Note.Length > 0) w.WriteString("note", f.Note);
                w.WriteStartArray("endpoints");
                foreach (var e in f.Endpoints)
                {
                    w.WriteStartObject();
                    w.WriteString("address", e.Address.ToString());
                    w.WriteNumber("port", e.Port);
                    w.WriteString("probability", e.Probability.ToString());
                    w.WriteNumber("probabilityValue", e.Probability.ToDouble());
                    w.WriteString("chain", e.Chain);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("others");
        foreach (var o in explanation.Others)
        {
            w.WriteStartObject();
            w.WriteString("table", o.Table);
            w.WriteString("chain", o.Chain);
            w.WriteNumber("rules", o.RuleCount);
            w.WriteString("owner", o.Owner);
            w.WriteString("summary", o.Summary);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    });
}
