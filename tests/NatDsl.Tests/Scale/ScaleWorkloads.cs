using System.Collections.Concurrent;
using NatDsl.Workloads;

namespace NatDsl.Tests.Scale;

/// <summary>Workloads shared by the scale tests, each generated and compiled once per test run.</summary>
public static class ScaleWorkloads
{
    private static readonly ConcurrentDictionary<WorkloadShape, Workload> Cache = new ConcurrentDictionary<WorkloadShape, Workload>();

    /// <summary>The S workload (1,000 services).</summary>
    public static Workload S => Of(WorkloadShape.S);

    /// <summary>The workload of <paramref name="shape"/>.</summary>
    public static Workload Of(WorkloadShape shape) => Cache.GetOrAdd(shape, Workload.Create);
}
