using System;
using System.IO;
using System.Linq;
using SharpFuzz;

namespace NatDsl.Fuzz;

/// <summary>
/// <c>NatDsl.Fuzz TARGET</c>: the afl-fuzz target (SharpFuzz out-of-process mode), input on the
/// file or stdin afl-fuzz provides. <c>NatDsl.Fuzz TARGET --replay FILE|DIR…</c>: runs the target
/// on saved inputs without afl-fuzz and prints each one's exception (for triage).
/// <c>NatDsl.Fuzz pipeline TESTDATA</c>: prints the core pipeline's output (compile, render, parse,
/// diff, explain, trace; see the determinism tests) for comparing Debug and Release builds.
/// </summary>
public static class Program
{
    /// <summary>Entry point.</summary>
    public static int Main(string[] args)
    {
        if (args.Length == 2 && args[0] == "pipeline")
        {
            using var stdout = Console.OpenStandardOutput();
            var bytes = new System.Text.UTF8Encoding(false).GetBytes(NatDsl.Tests.Determinism.CorePipeline.Run(args[1]));
            stdout.Write(bytes, 0, bytes.Length);
            return 0;
        }
        if (args.Length < 1 || !FuzzTarget.Names.Contains(args[0]))
        {
            Console.Error.WriteLine("usage: NatDsl.Fuzz save|listing|rules [--replay FILE|DIR…] | NatDsl.Fuzz pipeline TESTDATA");
            return 2;
        }
        var target = args[0];
        if (args.Length > 1 && args[1] == "--replay") return Replay(target, args.Skip(2).ToArray());
        Fuzzer.OutOfProcess.Run(stream =>
        {
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            FuzzTarget.Run(target, buffer.ToArray());
        });
        return 0;
    }

    private static int Replay(string target, string[] paths)
    {
        var failures = 0;
        var files = paths.SelectMany(p => Directory.Exists(p) ? Directory.GetFiles(p).OrderBy(f => f, StringComparer.Ordinal).ToArray() : new[] { p })
            .Where(f => !Path.GetFileName(f).StartsWith("README", StringComparison.Ordinal));
        foreach (var file in files)
        {
            try
            {
                FuzzTarget.Run(target, File.ReadAllBytes(file));
                Console.WriteLine("ok      " + file);
            }
            catch (Exception e)
            {
                failures++;
                Console.WriteLine("CRASH   " + file);
                Console.WriteLine("        " + e.GetType().FullName + ": " + e.Message.Split('\n')[0]);
                foreach (var frame in (e.StackTrace ?? string.Empty).Split('\n').Take(6)) Console.WriteLine("        " + frame.Trim());
            }
        }
        return failures == 0 ? 0 : 1;
    }
}
