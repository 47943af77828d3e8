using BenchmarkDotNet.Attributes;

namespace NatDsl.Benchmarks;

/// <summary>
/// The NatDsl operations on the S and M workloads. Each method also records its own CPU time
/// (the machine is shared; CPU time is what the code costs, wall time what it waited).
/// </summary>
public class ScaleBenchmarks
{
    private BenchmarkInputs _input = null!;

    /// <summary>The sizes to run (set from the command line).</summary>
    public static string[] Sizes { get; set; } = { "S", "M" };

    [ParamsSource(nameof(Sizes))]
    public string Size { get; set; } = "S";

    /// <summary>Each operation gets only its own inputs (see <see cref="BenchmarkInputs"/>).</summary>
    private void Setup(string operation)
    {
        BenchmarkInputs.Release();
        _input = BenchmarkInputs.For(Size);
        Operations.Prepare(operation, _input);
    }

    [GlobalCleanup]
    public void Cleanup() => BenchmarkInputs.Release();

    [GlobalSetup(Target = nameof(SpecToRestoreText))]
    public void SetupSpecToRestoreText() => Setup("spec→restore text");

    [GlobalSetup(Target = nameof(SpecToRuleSet))]
    public void SetupSpecToRuleSet() => Setup("spec→RuleSet");

    [GlobalSetup(Target = nameof(RuleSetToRestoreText))]
    public void SetupRuleSetToRestoreText() => Setup("RuleSet→restore text");

    [GlobalSetup(Target = nameof(ParseSave))]
    public void SetupParseSave() => Setup("parse save");

    [GlobalSetup(Target = nameof(ParseListing))]
    public void SetupParseListing() => Setup("parse listing");

    [GlobalSetup(Target = nameof(Diff))]
    public void SetupDiff() => Setup("diff (1 endpoint)");

    [GlobalSetup(Target = nameof(Explain))]
    public void SetupExplain() => Setup("explain");

    [GlobalSetup(Target = nameof(Trace))]
    public void SetupTrace() => Setup("trace");

    [GlobalSetup(Target = nameof(Floor))]
    public void SetupFloor() => Setup("floor (copy save bytes)");

    private long Measure(string name)
    {
        var cpu = CpuClock.Now();
        var result = Operations.Run(name, _input);
        CpuSamples.Record(name, Size, CpuClock.Now() - cpu);
        return result;
    }

    [Benchmark(Description = "spec→restore text")]
    public long SpecToRestoreText() => Measure("spec→restore text");

    [Benchmark(Description = "spec→RuleSet")]
    public long SpecToRuleSet() => Measure("spec→RuleSet");

    [Benchmark(Description = "RuleSet→restore text")]
    public long RuleSetToRestoreText() => Measure("RuleSet→restore text");

    [Benchmark(Description = "parse save")]
    public long ParseSave() => Measure("parse save");

    [Benchmark(Description = "parse listing")]
    public long ParseListing() => Measure("parse listing");

    [Benchmark(Description = "diff (1 endpoint)")]
    public long Diff() => Measure("diff (1 endpoint)");

    [Benchmark(Description = "explain")]
    public long Explain() => Measure("explain");

    [Benchmark(Description = "trace")]
    public long Trace() => Measure("trace");

    [Benchmark(Description = "floor (copy save bytes)")]
    public long Floor() => Measure("floor (copy save bytes)");
}
