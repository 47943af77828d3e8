using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using NatDsl.Analysis.Trace;
using NatDsl.Model;

namespace NatDsl.Tests.Kernel;

/// <summary>Runs the tracer for a client's first packet and groups its outcomes by endpoint.</summary>
public static class TracerPrediction
{
    /// <summary>
    /// Traces the packet and returns one prediction per endpoint, in the order the tracer first
    /// reaches them. Throws when an outcome is not forwarded, or when one endpoint is reached both
    /// with and without masquerade (the test could not tell which to expect).
    /// </summary>
    public static IReadOnlyList<EndpointPrediction> For(RuleSet rules, Packet packet, IEnumerable<string> localAddresses)
    {
        var options = new TraceOptions { LocalAddresses = localAddresses.Select(IpAddress.Parse).ToValueList() };
        var result = PacketTracer.Trace(rules, packet, options);
        if (result.Truncated) throw new InvalidOperationException("trace was truncated");
        var order = new List<string>();
        var byEndpoint = new Dictionary<string, EndpointPrediction>(StringComparer.Ordinal);
        foreach (var outcome in result.Outcomes)
        {
            if (outcome.Verdict != TraceVerdict.Forwarded)
            {
                throw new InvalidOperationException("tracer predicts " + outcome.Verdict + " (" + outcome.Reason + ") with probability " + outcome.Probability);
            }
            var endpoint = outcome.Destination + ":" + outcome.DestinationPort.ToString(CultureInfo.InvariantCulture);
            if (byEndpoint.TryGetValue(endpoint, out var known))
            {
                if (known.Masqueraded != outcome.Masqueraded) throw new InvalidOperationException(endpoint + " is reached both masqueraded and not");
                byEndpoint[endpoint] = known with { Probability = known.Probability + outcome.Probability };
            }
            else
            {
                order.Add(endpoint);
                byEndpoint[endpoint] = new EndpointPrediction(endpoint, outcome.Probability, outcome.Masqueraded);
            }
        }
        return order.Select(e => byEndpoint[e]).ToList();
    }
}
