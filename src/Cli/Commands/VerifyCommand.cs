using System;
using System.Collections.Generic;
using System.CommandLine;
using NatDsl.Analysis.Diff;
using NatDsl.Cli.Generation;
using NatDsl.Cli.Presentation;
using NatDsl.Formats.Save;
using NatDsl.KubeProxy;
using NatDsl.Model;

namespace NatDsl.Cli.Commands;

/// <summary>
/// <c>natdsl verify &lt;File.cs|Project.csproj|restore-file&gt; --golden &lt;dump&gt;</c>: exit 0 when the
/// rules match the node's dump, 1 with the differences when not (the CI gate).
/// </summary>
/// <remarks>
/// A DSL input is compiled with the generator (as <c>generate</c> does); the assembly is loaded
/// into a collectible load context and the generated <c>Spec</c> of the rule set class (the
/// declarations the generator built from <c>Define</c>, hence exactly what its restore script was
/// compiled from) is compiled by <see cref="KubeProxyCompiler"/> in its self-contained form, the
/// whole tables a dump of the node shows (or, when the golden is itself a restore script such as
/// kube-proxy's unit-test expectations, as kube-proxy's restore content). A restore file made by <c>generate</c> (kube-proxy's
/// <c>--noflush</c> content) is applied to the dump as kube-proxy applies it (declared chains
/// replaced, stale service chains deleted); a file with rules in built-in chains is taken as a
/// whole dump and compared directly.
/// </remarks>
public static class VerifyCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var input = new Argument<string>("input")
        {
            Description = "A DSL source file (.cs), a project (.csproj), or a restore file written by 'natdsl generate' (or any iptables-save dump).",
        };
        var golden = new Option<string>("--golden")
        {
            Description = "The dump captured from the node: iptables-save output, iptables -t nat -S [-v] rules or iptables -t nat -L -n [-v] [-x] output (detected; '-' for standard input).",
            Required = true,
        };
        var ignoreCounters = new Option<bool>("--ignore-counters")
        {
            Description = "Do not compare packet and byte counters (they are compared only when both sides have them: compiled rules and restore scripts have none).",
        };
        var kubeProxySort = new Option<bool>("--kube-proxy-sort")
        {
            Description = "Compare as kube-proxy's unit tests do: per-service rules of KUBE-SERVICES and KUBE-NODEPORTS sorted by service name.",
        };
        var className = new Option<string?>("--class")
        {
            Description = "The [NatRuleSet] class to verify when the input declares several (simple or full name).",
        };
        var json = CommonOptions.Json("the verdict and the differences");
        var lenient = CommonOptions.Lenient();
        var command = new Command("verify",
            "Check that a rule set definition (or a generated restore file) matches a dump from a node: exit 0 when it does, 1 with the differences when not.\n\n" +
            "Examples:\n" +
            "  natdsl verify Rules.cs --golden node1.listing.txt\n" +
            "  natdsl verify out/Rules.rules --golden node1-iptables-save.txt --json\n" +
            "  iptables-save | natdsl verify MyRules.csproj --golden - --class Blue");
        command.Arguments.Add(input);
        CompletionCommand.Files(input, golden);
        command.Options.Add(golden);
        command.Options.Add(ignoreCounters);
        command.Options.Add(kubeProxySort);
        command.Options.Add(className);
        command.Options.Add(json);
        command.Options.Add(lenient);
        command.SetAction(parse => CommandRunner.Run(parse, progress => Run(
            parse.GetValue(input)!,
            parse.GetValue(golden)!,
            new Settings(parse.GetValue(ignoreCounters), parse.GetValue(kubeProxySort), parse.GetValue(className), parse.GetValue(json), parse.GetValue(lenient)), progress)));
        return command;
    }

    /// <summary>The options of one run.</summary>
    private sealed record Settings(bool IgnoreCounters, bool KubeProxySort, string? ClassName, bool Json, bool Lenient);

    private static int Run(string input, string goldenPath, Settings settings, ProgressReporter progress)
    {
        RuleSet actual;
        bool compareCounters;
        string inputKind;
        LoadedDump golden;
        if (DslSourceLoader.IsDslInput(input))
        {
            var compilation = GenerateCommand.Compile(input, progress);
            DiagnosticPrinter.Print(compilation.Diagnostics, Console.Error);
            if (compilation.HasErrors) return ExitCodes.Negative;
            var chosen = Choose(input, compilation.Classes, settings.ClassName);
            golden = DumpFiles.Read(goldenPath, settings.Lenient, progress);
            var selfContained = !GoldenComparison.IsRestoreScript(golden);
            using (progress.Begin("compiling the rules of " + chosen.DisplayName))
            using (var loaded = LoadedRuleSets.Load(compilation.Output))
            {
                actual = KubeProxyCompiler.Compile(loaded.Spec(chosen), new CompileOptions { SelfContained = selfContained });
            }
            compareCounters = false;
            inputKind = "dsl";
        }
        else
        {
            if (input == "-" && goldenPath == "-") throw new UserInputException("the input and --golden cannot both be standard input");
            var text = InputFiles.ReadAll(input, progress);
            RuleSet script;
            using (progress.Begin("parsing " + InputFiles.DisplayName(input)))
            {
                script = SaveParser.ParseRuleSet(text, InputFiles.DisplayName(input));
            }
            golden = DumpFiles.Read(goldenPath, settings.Lenient, progress);
            if (RestoreOverlay.IsNoFlushScript(script))
            {
                actual = RestoreOverlay.Apply(golden.RuleSet, script);
                compareCounters = false;
                inputKind = "restore-script";
            }
            else
            {
                actual = script;
                inputKind = "dump";
                compareCounters = !settings.IgnoreCounters && RuleSetCounters.AnyRuleCounters(script);
            }
        }

        DiffResult result;
        using (progress.Begin("comparing with " + InputFiles.DisplayName(goldenPath)))
        {
            result = GoldenComparison.Compare(golden, actual, compareCounters && !settings.IgnoreCounters, settings.KubeProxySort);
        }
        if (settings.Json)
        {
            OutputFiles.Write(null, VerifyPresenter.Json(result, InputFiles.DisplayName(input), inputKind, InputFiles.DisplayName(goldenPath), golden.Format, golden.ListingForm));
            return result.AreEqual ? ExitCodes.Success : ExitCodes.Negative;
        }
        if (result.AreEqual)
        {
            Console.Out.WriteLine("verified: " + InputFiles.DisplayName(input) + " matches " + InputFiles.DisplayName(goldenPath));
            return ExitCodes.Success;
        }
        Console.Out.WriteLine("- " + InputFiles.DisplayName(goldenPath) + " (the node's dump)");
        Console.Out.WriteLine("+ " + InputFiles.DisplayName(input) + (DslSourceLoader.IsDslInput(input) ? " (compiled)" : string.Empty));
        Console.Out.Write(DiffReport.Render(result, SaveRenderer.RenderRule));
        return ExitCodes.Negative;
    }

    private static RuleSetClass Choose(string input, IReadOnlyList<RuleSetClass> classes, string? name)
    {
        if (classes.Count == 0) throw new UserInputException(input + ": no [NatRuleSet] class");
        var names = new List<string>();
        foreach (var c in classes) names.Add(c.DisplayName);
        if (name is null)
        {
            if (classes.Count == 1) return classes[0];
            throw new UserInputException(input + ": several [NatRuleSet] classes (" + string.Join(", ", names) + "); choose one with --class");
        }
        foreach (var c in classes)
        {
            if (c.DisplayName == name || c.Name == name) return c;
        }
        throw new UserInputException(input + ": no [NatRuleSet] class " + name + " (found " + string.Join(", ", names) + ")");
    }
}
