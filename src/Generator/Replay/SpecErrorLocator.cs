using System;
using System.Collections.Generic;
using NatDsl.Generator.Model;
using NatDsl.Spec;

namespace NatDsl.Generator.Replay;

/// <summary>
/// Finds the best place in the recorded DSL for a <see cref="SpecError"/>. The runtime builder
/// keeps the raw values and reports problems on Build with Kubernetes-style field paths, so
/// the path is followed back to the DSL: the <c>.Service("ns/name", …)</c> call of the service,
/// then inside its lambda the call the field names (<c>spec.clusterIP</c> → the argument of
/// <c>.ClusterIP(…)</c>), an indexed item (<c>spec.ports[1].nodePort</c> → the <c>nodePort</c>
/// argument of the second <c>Port</c> call; <c>endpoints[2].address</c> → the third endpoint
/// address, counting every element of <c>Endpoints(port, a, b, …)</c>), or an argument of that
/// name. Node-level errors are looked up the same way in <c>Define</c>. What cannot be narrowed
/// goes to the service call, or to <c>Define</c>.
/// </summary>
internal static class SpecErrorLocator
{
    public static int Locate(RuleSetProgram program, SpecError error)
    {
        var segments = Segments(error.Field);
        if (error.Service is null) return Narrow(new List<RecordedBlock> { program.Define }, segments, program.DefineId);

        var services = FindServiceCalls(program.Define, error.Service);
        if (services.Count == 0) return program.DefineId;
        var metadata = segments.Count > 0 && segments[0].Name == "metadata";
        // A duplicate is reported against the later declaration.
        var service = metadata && error.Message.StartsWith("duplicate", StringComparison.Ordinal) ? services[services.Count - 1] : services[0];
        if (metadata && service.Arguments.Count > 0) return service.Arguments[0].Value.Id;
        return Narrow(Lambdas(service), segments, service.Id);
    }

    private static int Narrow(List<RecordedBlock> blocks, List<(string Name, int? Index)> segments, int fallback)
    {
        if (segments.Count == 0) return fallback;
        var calls = AllCalls(blocks);
        var last = segments[segments.Count - 1].Name;

        for (var i = 0; i < segments.Count; i++)
        {
            if (segments[i].Index is not int k) continue;
            var slots = Slots(calls, segments[i].Name);
            if (k >= slots.Count) break;
            var (call, slot) = slots[k];
            return i == segments.Count - 1 ? slot : ArgumentNamed(call, last) ?? slot;
        }
        foreach (var call in calls)
        {
            if (string.Equals(call.Method, last, StringComparison.OrdinalIgnoreCase)) return SingleArgument(call) ?? call.Id;
        }
        foreach (var call in calls)
        {
            if (ArgumentNamed(call, last) is int id) return id;
        }
        return fallback;
    }

    /// <summary>
    /// The items a list field (<c>ports</c>, <c>endpoints</c>, <c>externalIPs</c>) is made of, in
    /// order: each call whose name starts with the singular (or, failing that, contains it)
    /// adds one item, or one per element when it takes a list.
    /// </summary>
    private static List<(RecordedCall Call, int Id)> Slots(List<RecordedCall> calls, string field)
    {
        var singular = field.EndsWith("s", StringComparison.OrdinalIgnoreCase) ? field.Substring(0, field.Length - 1) : field;
        var matching = calls.FindAll(c => c.Method.StartsWith(singular, StringComparison.OrdinalIgnoreCase));
        if (matching.Count == 0) matching = calls.FindAll(c => c.Method.IndexOf(singular, StringComparison.OrdinalIgnoreCase) >= 0);
        var slots = new List<(RecordedCall, int)>();
        foreach (var call in matching)
        {
            RecordedArray? list = null;
            foreach (var argument in call.Arguments)
            {
                if (argument.Value is RecordedArray array) list = array;
            }
            if (list is null) slots.Add((call, call.Id));
            else foreach (var element in list.Elements) slots.Add((call, element.Id));
        }
        return slots;
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

    private static int? SingleArgument(RecordedCall call)
    {
        int? found = null;
        foreach (var argument in call.Arguments)
        {
            if (argument.Value is RecordedDefault) continue;
            if (found is not null) return null;
            found = argument.Value.Id;
        }
        return found;
    }

    private static List<RecordedCall> FindServiceCalls(RecordedBlock block, string service)
    {
        var found = new List<RecordedCall>();
        foreach (var call in AllCalls(new List<RecordedBlock> { block }))
        {
            if (call.Method == "Service" && call.Arguments.Count > 0 && call.Arguments[0].Value is RecordedConstant { Value: string name }
                && string.Equals(name, service, StringComparison.Ordinal))
            {
                found.Add(call);
            }
        }
        return found;
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
