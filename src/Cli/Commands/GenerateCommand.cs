using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using NatDsl.Cli.Generation;
using NatDsl.Cli.Presentation;

namespace NatDsl.Cli.Commands;

/// <summary>
/// <c>natdsl generate &lt;File.cs|Project.csproj&gt; [-o DIR]</c>: compiles the DSL in memory with the
/// NatDsl generator and writes each <c>[NatRuleSet]</c> class's restore script to
/// <c>&lt;Class&gt;.rules</c>. Compiler and generator diagnostics are printed as the C# compiler
/// prints them; any error makes the exit code 1.
/// </summary>
public static class GenerateCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var input = new Argument<string?>("input")
        {
            Arity = ArgumentArity.ZeroOrOne,
            Description = "A DSL source file (.cs), or a project (.csproj) whose .cs files (all but bin/, obj/) are compiled together; " +
                "only the NatDsl runtime and the framework are referenced, package references are not evaluated.",
        };
        var output = new Option<string?>("--output", "-o")
        {
            Description = "Directory for the <Class>.rules files (default: the current directory); '-' writes the scripts to standard output. " +
                "With --from-kubernetes: the file to write.",
        };
        var since = new Option<string?>("--since")
        {
            Description = "Write the delta instead of the whole script: the iptables-restore --noflush input that turns the rules of OLD " +
                "(the script an earlier run wrote, which the node applied) into the new ones; only changed chains are rewritten, long ones edited in place. " +
                "For a DSL input, one [NatRuleSet] class; -o DIR writes <Class>.delta.rules. An empty output means nothing changed.",
            HelpName = "OLD.rules",
        };
        var command = new Command("generate",
            "Compile a C# rule set definition and write kube-proxy's iptables-restore script (<Class>.rules) for each [NatRuleSet] class; " +
            "or, with --from-kubernetes, write the script one node's kube-proxy would install for the Services and EndpointSlices kubectl printed.\n\n" +
            "Examples:\n" +
            "  natdsl generate Rules.cs -o out/\n" +
            "  natdsl generate MyRules.csproj -o -\n" +
            "  kubectl get services,endpointslices -A -o yaml | natdsl generate --from-kubernetes - --hostname-override node1 --node-ip 10.0.0.11 --cluster-cidr 10.244.0.0/16\n" +
            "  natdsl generate --from-kubernetes objects.json --profile v1.12 --self-contained -o node1.rules\n" +
            "  natdsl generate Rules.cs --since deployed/Rules.rules -o - | iptables-restore --noflush");
        command.Arguments.Add(input);
        CompletionCommand.Files(input, output, since);
        command.Options.Add(output);
        command.Options.Add(since);
        var kubernetes = AddKubernetesOptions(command);
        command.SetAction(parse => CommandRunner.Run(parse, progress =>
        {
            var from = parse.GetValue(kubernetes.From);
            var dsl = parse.GetValue(input);
            if (from is not null && dsl is not null) throw new UserInputException("give either a DSL input or --from-kubernetes, not both");
            var old = parse.GetValue(since);
            if (from is not null) return kubernetes.Run(parse, from, parse.GetValue(output), old, progress);
            if (dsl is null) throw new UserInputException("generate needs a DSL input (File.cs or Project.csproj) or --from-kubernetes FILE", isUsage: true);
            return Run(dsl, parse.GetValue(output), old, progress);
        }));
        return command;
    }

    private static KubernetesGenerateOptions AddKubernetesOptions(Command command)
    {
        var options = new KubernetesGenerateOptions();
        options.AddTo(command);
        return options;
    }

    private static int Run(string input, string? output, string? since, ProgressReporter progress)
    {
        if (!DslSourceLoader.IsDslInput(input)) throw new UserInputException(input + ": expected a C# source file (.cs) or a project (.csproj)");
        if (since is not null && since == input) throw new UserInputException("--since: " + since + " is the DSL input; give the restore script an earlier run wrote");
        var old = since is null ? null : DeltaRestore.ReadOld(since, progress);
        var compilation = Compile(input, progress);
        DiagnosticPrinter.Print(compilation.Diagnostics, Console.Error);
        if (compilation.HasErrors) return ExitCodes.Negative;
        if (compilation.Classes.Count == 0) throw new UserInputException(input + ": no [NatRuleSet] class");
        if (old is not null) return WriteDelta(input, output, compilation.Classes, old, since!, progress);

        var names = FileNames(compilation.Classes);
        using var writing = progress.Begin("writing rule sets", ProgressUnit.Items, compilation.Classes.Count);
        for (var i = 0; i < compilation.Classes.Count; i++)
        {
            writing.Report(i);
            var ruleSet = compilation.Classes[i];
            var script = ruleSet.RestoreScript
                ?? throw new InvalidOperationException("the generator produced no RestoreScript for " + ruleSet.DisplayName);
            if (output == "-")
            {
                OutputFiles.Write(null, script);
                continue;
            }
            var path = Path.Combine(output ?? string.Empty, names[i]);
            OutputFiles.Write(path, script);
            progress.WriteLine(Console.Out, path);
        }
        return ExitCodes.Success;
    }

    /// <summary>Writes the delta from OLD to the one rule set class's script: to stdout, or <c>DIR/&lt;Class&gt;.delta.rules</c>.</summary>
    private static int WriteDelta(string input, string? output, IReadOnlyList<RuleSetClass> classes, NatDsl.Model.RuleSet old, string since, ProgressReporter progress)
    {
        if (classes.Count > 1)
        {
            var names = new List<string>();
            foreach (var c in classes) names.Add(c.DisplayName);
            throw new UserInputException("--since: " + input + " declares " + classes.Count.ToString(System.Globalization.CultureInfo.InvariantCulture) +
                " [NatRuleSet] classes (" + string.Join(", ", names) + "); a delta is made for one");
        }
        var ruleSet = classes[0];
        var script = ruleSet.RestoreScript ?? throw new InvalidOperationException("the generator produced no RestoreScript for " + ruleSet.DisplayName);
        string delta;
        using (progress.Begin("computing the delta since " + InputFiles.DisplayName(since)))
        {
            delta = DeltaRestore.Compute(old, InputFiles.DisplayName(since), script);
        }
        if (output == "-")
        {
            OutputFiles.Write(null, delta);
            return ExitCodes.Success;
        }
        var path = Path.Combine(output ?? string.Empty, FileNames(classes)[0].Replace(".rules", ".delta.rules"));
        OutputFiles.Write(path, delta);
        Console.Out.WriteLine(path);
        return ExitCodes.Success;
    }

    /// <summary>Loads and compiles a DSL input (the generator runs in the compilation).</summary>
    internal static DslCompilation Compile(string input, ProgressReporter progress)
    {
        var sources = DslSourceLoader.Load(input);
        using (progress.Begin("compiling " + input))
        {
            return DslCompiler.Compile(sources);
        }
    }

    /// <summary><c>Class.rules</c>, or the full name when two classes share a name.</summary>
    private static List<string> FileNames(IReadOnlyList<RuleSetClass> classes)
    {
        var counts = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var c in classes) counts[c.Name] = counts.TryGetValue(c.Name, out var n) ? n + 1 : 1;
        var names = new List<string>();
        foreach (var c in classes) names.Add((counts[c.Name] > 1 ? c.MetadataName.Replace('+', '.') : c.Name) + ".rules");
        return names;
    }
}
