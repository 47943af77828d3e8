using System;
using System.Collections.Generic;
using NatDsl.Generator.Model;
using NatDsl.Spec;

namespace NatDsl.Generator.Replay;

/// <summary>
/// Finds the best place in the recorded DSL for a <see cref="SpecError"/>: the
/// <c>.Service("ns/name", …)</c> call of its service, narrowed to the call or argument the field
/// names when there is one (<c>spec.clusterIP</c> → <c>.ClusterIP(…)</c>,
/// <c>spec.ports[1].nodePort</c> → the <c>nodePort</c> argument of the second port call);
/// node-level errors go to the call that sets the field, or to <c>Define</c>.
/// </summary>
internal static class SpecErrorLocator
{
    public static int Locate(RuleSetProgram program, SpecError error)
    {
        var segments = Segments(error.Field);
        if (error.Service is not null)
        {
            var service = FindServiceCall(program.Define, error.Service);
            if (service is null) return program.DefineId;
            var inner = Lambdas(service);
            return Narrow(inner, segments, service.Id);
        }
        return Narrow(new List<RecordedBlock> { program.Define }, segments, program.DefineId);
    }

    private static int Narrow(List<RecordedBlock> blocks, List<(string Name, int? Index)> segments, int fallback)
    {
        if (segments.Count == 0) return fallback;
        var calls = AllCalls(blocks);
        var last = segments[segments.Count - 1].Name;

        // spec.ports[1].nodePort: the second call named Port…, then its nodePort argument.
        foreach (var (name, index) in segments)
        {
            if (index is not int k) continue;
            var singular = name.EndsWith("s", StringComparison.OrdinalIgnoreCase) ? name.Substring(0, name.Length - 1) : name;
            var matching = calls.FindAll(c => c.Method.StartsWith(singular, StringComparison.OrdinalIgnoreCase));
            if (k < matching.Count)
            {
                return ArgumentNamed(matching[k], last) ?? matching[k].Id;
            }
        }
        foreach (var call in calls)
        {
            if (string.Equals(call.Method, last, StringComparison.OrdinalIgnoreCase)) return call.Id;
        }
        foreach (var call in calls)
        {
            if (ArgumentNamed(call, last) is int id) return id;
        }
        return fallback;
    }

    private static int? ArgumentNamed(RecordedCall call, string name)
    {
        foreach (var argument in call.Arguments)
        {
            if (string.Equals(argument.Parameter, name, StringComparison.OrdinalIgnoreCase) && argument.Value is not RecordedDefault)
            {
                return argument.Value.Id;
            }
        }
        return null;
    }

    private static RecordedCall? FindServiceCall(RecordedBlock block, string service)
    {
        foreach (var call in AllCalls(new List<RecordedBlock> { block }))
        {
            if (call.Method == "Service" && call.Arguments.Count > 0 && call.Arguments[0].Value is RecordedConstant { Value: string name }
                && string.Equals(name, service, StringComparison.Ordinal))
            {
                return call;
            }
        }
        return null;
    }

    private static List<RecordedBlock> Lambdas(RecordedCall call)
    {
        var blocks = new List<RecordedBlock>();
        foreach (var argument in call.Arguments)
        {
            if (argument.Value is RecordedLambda lambda) blocks.Add(lambda.Body);
        }
        return blocks;
    }

    /// <summary>Every call in the blocks, depth first in source order.</summary>
    private static List<RecordedCall> AllCalls(List<RecordedBlock> blocks)
    {
        var calls = new List<RecordedCall>();
        foreach (var block in blocks) Add(block);
        return calls;

        void Add(RecordedBlock block)
        {
            foreach (var chain in block.Chains)
            {
                foreach (var call in chain.Calls)
                {
                    calls.Add(call);
                    foreach (var lambda in Lambdas(call)) Add(lambda);
                }
            }
        }
    }

    /// <summary><c>spec.ports[1].nodePort</c> → (spec), (ports, 1), (nodePort).</summary>
    private static List<(string Name, int? Index)> Segments(string field)
    {
        var result = new List<(string, int?)>();
        foreach (var part in (field ?? string.Empty).Split('.'))
        {
            if (part.Length == 0) continue;
            var open = part.IndexOf('[');
            if (open > 0 && part.EndsWith("]", StringComparison.Ordinal)
                && int.TryParse(part.Substring(open + 1, part.Length - open - 2), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index))
            {
                result.Add((part.Substring(0, open), index));
            }
            else
            {
                result.Add((part, null));
            }
        }
        return result;
    }
}
