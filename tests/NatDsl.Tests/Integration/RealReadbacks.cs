using System;
using System.Collections.Generic;

namespace NatDsl.Tests.Integration;

/// <summary>Reads tables back from a session with one batched process per call.</summary>
public static class RealReadbacks
{
    /// <summary>Every readback of every table; each command must succeed.</summary>
    public static IReadOnlyDictionary<(string Table, Readback Readback), string> Read(IptablesSession session, IEnumerable<string> tables, params Readback[] readbacks)
    {
        var batch = new CommandBatch();
        var keys = new List<(string, Readback)>();
        foreach (var table in tables)
        {
            foreach (var readback in readbacks)
            {
                batch.Add(OurRendering.Command(readback, session.Backend, session.Ipv6, table));
                keys.Add((table, readback));
            }
        }
        var results = batch.Run(session.Namespace);
        var outputs = new Dictionary<(string, Readback), string>();
        for (var i = 0; i < keys.Count; i++)
        {
            if (results[i].ExitCode != 0) throw new InvalidOperationException(string.Join(" ", OurRendering.Command(keys[i].Item2, session.Backend, session.Ipv6, keys[i].Item1)) + " failed: " + results[i]);
            outputs[keys[i]] = results[i].StandardOutput;
        }
        return outputs;
    }

    /// <summary>All readbacks the vector tests compare.</summary>
    public static Readback[] All { get; } =
    {
        Readback.SaveWithCounters, Readback.ListVerbose, Readback.ListVerboseExact, Readback.ListNumeric, Readback.ListVerboseLineNumbers, Readback.Rules,
    };
}
