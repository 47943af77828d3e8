using System.Collections.Generic;
using System.Linq;

namespace NatDsl.Benchmarks;

/// <summary>Samples of one measured thing (seconds), with min and median.</summary>
public sealed class Samples
{
    private readonly List<double> _values = new List<double>();

    public void Add(double seconds) => _values.Add(seconds);

    public int Count => _values.Count;

    public double Min => _values.Count == 0 ? double.NaN : _values.Min();

    public double Median
    {
        get
        {
            if (_values.Count == 0) return double.NaN;
            var sorted = _values.OrderBy(v => v).ToList();
            var mid = sorted.Count / 2;
            return sorted.Count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
        }
    }

    /// <summary>The samples after the first <paramref name="skip"/> (warm-up).</summary>
    public Samples Skip(int skip)
    {
        var s = new Samples();
        foreach (var v in _values.Skip(_values.Count > skip ? skip : 0)) s.Add(v);
        return s;
    }
}

/// <summary>CPU-time samples recorded by the benchmark methods themselves, by operation and size.</summary>
public static class CpuSamples
{
    private static readonly Dictionary<string, Samples> All = new Dictionary<string, Samples>();

    public static void Record(string operation, string size, double seconds)
    {
        var key = operation + "/" + size;
        if (!All.TryGetValue(key, out var samples)) All[key] = samples = new Samples();
        samples.Add(seconds);
    }

    public static Samples? Of(string operation, string size) => All.TryGetValue(operation + "/" + size, out var s) ? s : null;
}
