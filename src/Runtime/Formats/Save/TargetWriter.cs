using System.Globalization;
using System.Text;
using NatDsl.Model;

namespace NatDsl.Formats.Save;

/// <summary>The <c>-j</c>/<c>-g</c> part of a save line, with each target's canonical options.</summary>
internal static class TargetWriter
{
    public static void Append(StringBuilder sb, Target target, RuleWriteOptions options)
    {
        switch (target)
        {
            case JumpTarget t:
                sb.Append(t.Goto ? " -g " : " -j ").Append(t.Chain);
                return;
            case VerdictTarget t:
                sb.Append(" -j ").Append(t.Name);
                return;
        }
        sb.Append(" -j ").Append(target.Name);
        switch (target)
        {
            case DnatTarget t:
                Range(sb, " --to-destination ", t.Range);
                if (t.Random) sb.Append(" --random");
                if (t.Persistent) sb.Append(" --persistent");
                break;
            case SnatTarget t:
                Range(sb, " --to-source ", t.Range);
                if (t.Random) sb.Append(" --random");
                if (t.RandomFully) sb.Append(" --random-fully");
                if (t.Persistent) sb.Append(" --persistent");
                break;
            case MasqueradeTarget t:
                ToPorts(sb, t.ToPorts);
                if (t.Random) sb.Append(" --random");
                if (t.RandomFully) sb.Append(" --random-fully");
                break;
            case RedirectTarget t:
                ToPorts(sb, t.ToPorts);
                if (t.Random) sb.Append(" --random");
                break;
            case RejectTarget t:
                sb.Append(" --reject-with ").Append(t.RejectWith);
                break;
            case MarkTarget t:
                sb.Append(" --set-xmark ").Append(RuleWriter.Hex(t.Value)).Append('/').Append(RuleWriter.Hex(t.Mask));
                break;
            case LogTarget t:
                if (t.Prefix.Length > 0)
                {
                    sb.Append(" --log-prefix");
                    SaveString.Append(sb, t.Prefix);
                }
                if (t.Level != 4) sb.Append(" --log-level ").Append(t.Level.ToString(CultureInfo.InvariantCulture));
                if ((t.Flags & 0x01) != 0) sb.Append(" --log-tcp-sequence");
                if ((t.Flags & 0x02) != 0) sb.Append(" --log-tcp-options");
                if ((t.Flags & 0x04) != 0) sb.Append(" --log-ip-options");
                if ((t.Flags & 0x08) != 0) sb.Append(" --log-uid");
                if ((t.Flags & 0x20) != 0) sb.Append(" --log-macdecode");
                break;
            case RawTarget t:
                sb.Append(t.SaveText ?? RuleWriter.Unknown("target " + t.TargetName + ": " + t.ListingText, options));
                break;
            default:
                sb.Append(RuleWriter.Unknown("target type " + target.GetType().Name, options));
                break;
        }
    }

    private static void Range(StringBuilder sb, string option, NatRange? range)
    {
        if (range is null || (range.MinAddress is null && range.Ports is null)) return;
        sb.Append(option);
        var brackets = range.Ports.HasValue && range.MinAddress is { Family: IpFamily.V6 };
        if (range.MinAddress is { } min)
        {
            if (brackets) sb.Append('[');
            sb.AppendAddress(min);
            if (range.MaxAddress is { } max && max != min) sb.Append('-').AppendAddress(max);
            if (brackets) sb.Append(']');
        }
        if (range.Ports is { } ports)
        {
            sb.Append(':').AppendNumber(ports.First);
            if (ports.Last != ports.First) sb.Append('-').AppendNumber(ports.Last);
            if (range.BasePort is { } basePort) sb.Append('/').AppendNumber(basePort);
        }
    }

    private static void ToPorts(StringBuilder sb, PortRange? ports)
    {
        if (ports is not { } p) return;
        sb.Append(" --to-ports ").Append(p.First.ToString(CultureInfo.InvariantCulture));
        if (p.Last != p.First) sb.Append('-').Append(p.Last.ToString(CultureInfo.InvariantCulture));
    }
}
