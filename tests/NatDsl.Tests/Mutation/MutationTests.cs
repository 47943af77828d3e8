using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using NUnit.Framework;

namespace NatDsl.Tests.Mutation;

/// <summary>
/// Seeded damage to every dump the project has (seed listing, vector inputs and recorded outputs:
/// save, <c>-S</c>, listings in every form): each damaged input, decoded as the CLI decodes
/// files, must parse (and render) or be rejected with a located <see cref="NatDsl.Formats.DumpParseException"/>
/// — never another exception, a hang or a memory blow-up.
/// </summary>
[Category("Mutation")]
public class MutationTests
{
    /// <summary>Cheap mutants per corpus file.</summary>
    private const int MutantsPerFile = 30;

    /// <summary>A 1 MB line for every n-th corpus file.</summary>
    private const int OverlongEvery = 5;

    private static readonly TimeSpan PerInputTimeout = TimeSpan.FromSeconds(10);

    [Test]
    public void Damaged_dumps_parse_or_fail_with_a_located_error()
    {
        var corpus = MutationCorpus.Load();
        Assert.That(corpus.Count, Is.GreaterThan(150), "the corpus covers the seed and every vector file");
        var watch = Stopwatch.StartNew();
        var tried = 0;
        var outcomes = new Dictionary<ParseOutcome, int>();
        var broken = new List<string>();
        var worstRatio = 0.0;
        var worstRatioInput = string.Empty;
        for (var f = 0; f < corpus.Count; f++)
        {
            var file = corpus[f];
            var original = GuardedParser.RunHere(file.Kind, file.Table, file.Family, CliDecoding.Decode(file.Bytes));
            Assert.That(original.Outcome, Is.EqualTo(ParseOutcome.Parsed), file.Name + " itself must parse: " + original.Problem);

            var mutator = new Mutator(StableSeed(file.Name));
            var mutants = mutator.Mutants(file.Name, file.Bytes, MutantsPerFile).ToList();
            if (f % OverlongEvery == 0) mutants.Add(mutator.Overlong(file.Name, file.Bytes));
            foreach (var mutant in mutants)
            {
                var text = CliDecoding.Decode(mutant.Bytes);
                var result = GuardedParser.Run(file.Kind, file.Table, file.Family, text, PerInputTimeout, MemoryLimit(text));
                tried++;
                outcomes[result.Outcome] = outcomes.GetValueOrDefault(result.Outcome) + 1;
                var ratio = result.AllocatedBytes / (double)Math.Max(text.Length, 1);
                if (text.Length > 100000 && ratio > worstRatio)
                {
                    worstRatio = ratio;
                    worstRatioInput = mutant.Description;
                }
                if (result.Outcome == ParseOutcome.Broken)
                {
                    broken.Add(mutant.Description + "\n    " + result.Problem);
                    Keep(mutant);
                }
            }
        }
        watch.Stop();
        var summary = "mutation inputs tried: " + tried.ToString(CultureInfo.InvariantCulture)
            + " (parsed " + outcomes.GetValueOrDefault(ParseOutcome.Parsed).ToString(CultureInfo.InvariantCulture)
            + ", rejected " + outcomes.GetValueOrDefault(ParseOutcome.Rejected).ToString(CultureInfo.InvariantCulture)
            + ", broken " + outcomes.GetValueOrDefault(ParseOutcome.Broken).ToString(CultureInfo.InvariantCulture)
            + ") in " + watch.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s; largest allocation per input char on a 1 MB input: "
            + worstRatio.ToString("0", CultureInfo.InvariantCulture) + " bytes (" + worstRatioInput + ")";
        TestContext.Out.WriteLine(summary);
        TestContext.Progress.WriteLine(summary);
        Assert.That(broken, Is.Empty, "inputs that escaped as something else than a located DumpParseException (" + broken.Count + "):\n" + string.Join("\n", broken.Take(25)));
        Assert.That(outcomes.GetValueOrDefault(ParseOutcome.Parsed), Is.GreaterThan(0), "some damage leaves a valid dump");
        Assert.That(outcomes.GetValueOrDefault(ParseOutcome.Rejected), Is.GreaterThan(tried / 4), "most damage is rejected");
    }

    /// <summary>Generous: parse plus render may allocate 64 MB plus 300 bytes per input char; a blow-up is far beyond.</summary>
    private static long MemoryLimit(string text) => (64L << 20) + (300L * text.Length);

    /// <summary>An FNV-1a hash of the name: the same seed on every run and machine (string.GetHashCode is randomised).</summary>
    public static int StableSeed(string name)
    {
        var hash = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes(name))
        {
            hash ^= b;
            hash *= 16777619u;
        }
        return (int)(hash & 0x7FFFFFFF);
    }

    private static void Keep(Mutant mutant)
    {
        var dir = Path.Combine(TestContext.CurrentContext.WorkDirectory, "mutation-failures");
        Directory.CreateDirectory(dir);
        var name = StableSeed(mutant.Description).ToString("x8", CultureInfo.InvariantCulture);
        File.WriteAllBytes(Path.Combine(dir, name + ".bin"), mutant.Bytes);
        File.WriteAllText(Path.Combine(dir, name + ".txt"), mutant.Description);
    }
}
