using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using NatDsl.Analysis.Trace;
using NatDsl.Model;

namespace NatDsl.Tests.Kernel;

/// <summary>Runs the tracer for a client's first packet and groups its outcomes as a client can observe them.</summary>
public static class TracerPrediction
{
    /// <summary>
    /// Traces the packet and returns one prediction per observable outcome (each endpoint, refused,
    /// dropped), in the order the tracer first reaches them. A packet forwarded unchanged (no DNAT)
    /// goes to a service address that nothing in the test's namespaces owns (the node routes the
    /// service ranges to the client namespace, which does not forward): the client observes
    /// silence, as for a drop. Throws for an outcome a client cannot
    /// observe here (undetermined, delivered to the node itself), or when one endpoint is reached
    /// both with and without masquerade (the test could not tell which source to expect).
    /// </summary>
    public static IReadOnlyList<EndpointPrediction> For(RuleSet rules, Packet packet, IEnumerable<string> localAddresses)
    {
        var options = new TraceOptions { LocalAddresses = localAddresses.Select(IpAddress.Parse).ToValueList() };
        var result = PacketTracer.Trace(rules, packet, options);
        if (result.Truncated) throw new InvalidOperationException("trace was truncated");
        var order = new List<string>();
        var byOutcome = new Dictionary<string, EndpointPrediction>(StringComparer.Ordinal);
        foreach (var outcome in result.Outcomes)
        {
            var key = outcome.Verdict switch
            {
                TraceVerdict.Forwarded when outcome.Destination == packet.Destination && outcome.DestinationPort == packet.DestinationPort => Observation.Silence,
                TraceVerdict.Forwarded => outcome.Destination + ":" + outcome.DestinationPort.ToString(CultureInfo.InvariantCulture),
                TraceVerdict.Rejected => Observation.Refused,
                TraceVerdict.Dropped => Observation.Silence,
                _ => throw new InvalidOperationException("tracer predicts " + outcome.Verdict + " (" + outcome.Reason + ") with probability " + outcome.Probability),
            };
            var masquerade = outcome.Verdict == TraceVerdict.Forwarded && outcome.Masqueraded;
            if (byOutcome.TryGetValue(key, out var known))
            {
                if (known.Masqueraded != masquerade) throw new InvalidOperationException(key + " is reached both masqueraded and not");
                byOutcome[key] = known with { Probability = known.Probability + outcome.Probability };
            }
            else
            {
                order.Add(key);
                byOutcome[key] = new EndpointPrediction(key, outcome.Probability, masquerade);
            }
        }
        return order.Select(e => byOutcome[e]).ToList();
    }
}
