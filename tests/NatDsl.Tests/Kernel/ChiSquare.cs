using System;
using System.Collections.Generic;

namespace NatDsl.Tests.Kernel;

/// <summary>Pearson's chi-square goodness-of-fit test: statistic and upper-tail probability.</summary>
public static class ChiSquare
{
    /// <summary>Σ (observed − expected)² / expected over the categories.</summary>
    public static double Statistic(IReadOnlyList<int> observed, IReadOnlyList<double> expected)
    {
        if (observed.Count != expected.Count) throw new ArgumentException("observed and expected differ in length");
        var sum = 0.0;
        for (var i = 0; i < observed.Count; i++)
        {
            if (expected[i] <= 0) throw new ArgumentException("expected count must be positive");
            var d = observed[i] - expected[i];
            sum += d * d / expected[i];
        }
        return sum;
    }

    /// <summary>P(χ² ≥ <paramref name="statistic"/>) with <paramref name="degreesOfFreedom"/> degrees of freedom.</summary>
    public static double UpperTail(double statistic, int degreesOfFreedom)
    {
        if (degreesOfFreedom < 1) throw new ArgumentOutOfRangeException(nameof(degreesOfFreedom));
        if (statistic <= 0) return 1.0;
        return RegularizedUpperGamma(degreesOfFreedom / 2.0, statistic / 2.0);
    }

    /// <summary>Q(a, x) = Γ(a, x) / Γ(a): a series below a + 1, a continued fraction above.</summary>
    private static double RegularizedUpperGamma(double a, double x)
    {
        var logPrefix = (a * Math.Log(x)) - x - LogGamma(a);
        if (x < a + 1)
        {
            var term = 1.0 / a;
            var sum = term;
            for (var n = 1; n < 1000; n++)
            {
                term *= x / (a + n);
                sum += term;
                if (Math.Abs(term) < Math.Abs(sum) * 1e-16) break;
            }
            return 1.0 - (sum * Math.Exp(logPrefix));
        }
        // Lentz's method for the continued fraction of Γ(a, x).
        const double Tiny = 1e-300;
        var b = x + 1 - a;
        var c = 1 / Tiny;
        var d = 1 / b;
        var h = d;
        for (var i = 1; i < 1000; i++)
        {
            var an = -i * (i - a);
            b += 2;
            d = (an * d) + b;
            if (Math.Abs(d) < Tiny) d = Tiny;
            c = b + (an / c);
            if (Math.Abs(c) < Tiny) c = Tiny;
            d = 1 / d;
            var delta = d * c;
            h *= delta;
            if (Math.Abs(delta - 1) < 1e-16) break;
        }
        return Math.Exp(logPrefix) * h;
    }

    /// <summary>ln Γ(x) for x &gt; 0 (Lanczos, g = 7, n = 9).</summary>
    private static double LogGamma(double x)
    {
        double[] g =
        {
            0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
            -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
        };
        if (x < 0.5) return Math.Log(Math.PI / Math.Sin(Math.PI * x)) - LogGamma(1 - x);
        x -= 1;
        var sum = g[0];
        for (var i = 1; i < g.Length; i++) sum += g[i] / (x + i);
        var t = x + 7.5;
        return (0.5 * Math.Log(2 * Math.PI)) + ((x + 0.5) * Math.Log(t)) - t + Math.Log(sum);
    }
}
