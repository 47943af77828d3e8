using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.Json;
using NatDsl.Analysis.Trace;

namespace NatDsl.Cli.Presentation;

/// <summary>Shows a trace result as a table of outcomes with their rule paths, or as JSON.</summary>
public static class TracePresenter
{
    /// <summary>The readable form.</summary>
    public static string Text(TraceResult result, System.Func<string, NatDsl.Model.Rule, string> ruleText)
    {
        var p = result.Packet;
        var sb = new StringBuilder();
        sb.Append("packet ").Append(ProtocolName(p.Protocol)).Append(' ')
          .Append(p.Source).Append(':').Append(p.SourcePort.ToString(CultureInfo.InvariantCulture))
          .Append(" -> ").Append(p.Destination).Append(':').Append(p.DestinationPort.ToString(CultureInfo.InvariantCulture)).Append('\n');
        var table = new TextTable("#", "probability", "destination", "masquerade", "verdict");
        var i = 0;
        foreach (var o in result.Outcomes)
        {
            i++;
            table.Add(i.ToString(CultureInfo.InvariantCulture), o.Probability.ToPercent(3), o.Destination + ":" + o.DestinationPort.ToString(CultureInfo.InvariantCulture),
                o.Masqueraded ? "yes" : "no", Verdict(o.Verdict) + (o.Reason.Length > 0 ? " (" + o.Reason + ")" : string.Empty));
        }
        sb.Append(table.Render(Terminal.Width));
        i = 0;
        foreach (var o in result.Outcomes)
        {
            i++;
            sb.Append('\n').Append("path of outcome ").Append(i.ToString(CultureInfo.InvariantCulture)).Append(" (").Append(o.Probability.ToString()).Append("):\n");
            foreach (var step in o.Path)
            {
                sb.Append("  ").Append(step.Table).Append(' ');
                if (step.Rule is null)
                {
                    sb.Append(step.Chain).Append(' ').Append(step.Note).Append('\n');
                    continue;
                }
                sb.Append(ruleText(step.Chain, step.Rule));
                if (step.Note.Length > 0) sb.Append("   # ").Append(step.Note);
                sb.Append('\n');
            }
        }
        if (result.Truncated) sb.Append("\nwarning: exploration stopped at the outcome limit; probabilities do not sum to 1\n");
        return sb.ToString();
    }

    /// <summary>The JSON form: outcomes with destination, probability, masquerade, verdict, path.</summary>
    public static string Json(TraceResult result, System.Func<string, NatDsl.Model.Rule, string> ruleText) => JsonOutput.Write(w =>
    {
        w.WriteStartObject();
        w.WriteStartObject("packet");
        w.WriteString("protocol", ProtocolName(result.Packet.Protocol));
        w.WriteString("source", result.Packet.Source.ToString());
        w.WriteNumber("sourcePort", result.Packet.SourcePort);
        w.WriteString("destination", result.Packet.Destination.ToString());
        w.WriteNumber("destinationPort", result.Packet.DestinationPort);
        w.WriteEndObject();
        w.WriteBoolean("truncated", result.Truncated);
        w.WriteStartArray("outcomes");
        foreach (var o in result.Outcomes)
        {
            w.WriteStartObject();
            w.WriteString("destination", o.Destination + ":" + o.DestinationPort.ToString(CultureInfo.InvariantCulture));
            w.WriteString("probability", o.Probability.ToString());
            w.WriteNumber("probabilityValue", o.Probability.ToDouble());
            w.WriteBoolean("masquerade", o.Masqueraded);
            w.WriteString("verdict", Verdict(o.Verdict));
            if (o.Reason.Length > 0) w.WriteString("reason", o.Reason);
            w.WriteStartArray("path");
            foreach (var step in o.Path)
            {
                w.WriteStartObject();
                w.WriteString("table", step.Table);
                w.WriteString("chain", step.Chain);
                w.WriteNumber("rule", step.RuleIndex + 1);
                w.WriteString("text", step.Rule is null ? step.Note : ruleText(step.Chain, step.Rule));
                if (step.Rule is not null && step.Note.Length > 0) w.WriteString("note", step.Note);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    });

    private static string Verdict(TraceVerdict verdict) => verdict switch
    {
        TraceVerdict.DeliveredLocally => "delivered-locally",
        TraceVerdict.Forwarded => "forwarded",
        TraceVerdict.Dropped => "dropped",
        TraceVerdict.Rejected => "rejected",
        _ => "undetermined",
    };

    private static string ProtocolName(int protocol) => protocol switch
    {
        6 => "tcp",
        17 => "udp",
        132 => "sctp",
        _ => protocol.ToString(CultureInfo.InvariantCulture),
    };
}
