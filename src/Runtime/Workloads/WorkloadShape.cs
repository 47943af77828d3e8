namespace NatDsl.Workloads;

/// <summary>
/// The size and seed of a generated cluster workload. The same shape always yields the same
/// spec, rules and text, on every machine.
/// </summary>
public sealed record WorkloadShape
{
    /// <summary>Creates a shape of <paramref name="services"/> services generated from <paramref name="seed"/>.</summary>
    public WorkloadShape(string name, int services, int seed = 1)
    {
        Name = name;
        Services = services;
        Seed = seed;
    }

    /// <summary>A short name for reports (S, M, …).</summary>
    public string Name { get; init; }

    /// <summary>The number of services.</summary>
    public int Services { get; init; }

    /// <summary>The seed of every random choice.</summary>
    public int Seed { get; init; }

    /// <summary>1,000 services (about 12,500 endpoint chains).</summary>
    public static WorkloadShape S { get; } = new WorkloadShape("S", 1000);

    /// <summary>10,000 services (about 125,000 endpoint chains, several hundred thousand rules).</summary>
    public static WorkloadShape M { get; } = new WorkloadShape("M", 10000);

    /// <summary>The same shape with another number of services.</summary>
    public WorkloadShape WithServices(int services, string? name = null) => this with { Services = services, Name = name ?? Name };
}
