using System.CommandLine;
using NatDsl.Analysis.Explain;
using NatDsl.Cli.Presentation;

namespace NatDsl.Cli.Commands;

/// <summary><c>natdsl explain</c>: what each service port of a dump does.</summary>
public static class ExplainCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var s = new Symbols();
        var command = new Command("explain",
            "Explain a dump service by service: frontends (cluster IP, external and load-balancer IPs, NodePorts), the endpoints each\n" +
            "reaches with their exact share (found by tracing packets, not by reading comments), affinity, traffic policy and\n" +
            "masquerade; then the rules that belong to no service.\n\n" +
            "Examples:\n" +
            "  natdsl explain node1.txt\n" +
            "  natdsl explain node1.rules --local-address 192.168.1.150 --json\n" +
            "  iptables-save -t nat | natdsl explain -");
        command.Arguments.Add(s.Input);
        CompletionCommand.Files(s.Input);
        foreach (var option in new Option[] { s.LocalAddresses, s.Json, s.Lenient }) command.Options.Add(option);
        command.SetAction(parse => CommandRunner.Run(parse, progress => Execute(s, parse, progress)));
        return command;
    }

    private static int Execute(Symbols s, ParseResult parse, ProgressReporter progress)
    {
        var locals = AddressArguments.Addresses("--local-address", parse.GetValue(s.LocalAddresses));
        var dump = DumpInput.Read(parse.GetValue(s.Input)!, parse.GetValue(s.Lenient), progress: progress);
        foreach (var local in locals) AddressArguments.RequireFamily("--local-address", local, dump.RuleSet.Family);
        Explanation explanation;
        using (progress.Begin("explaining the services of " + dump.Source))
        {
            explanation = ServiceExplainer.Explain(dump.RuleSet, locals);
        }
        OutputFiles.Write(null, parse.GetValue(s.Json) ? ExplainPresenter.Json(explanation) : ExplainPresenter.Text(explanation));
        return ExitCodes.Success;
    }

    /// <summary>The arguments and options of one instance of the command.</summary>
    private sealed class Symbols
    {
        public readonly Argument<string> Input = new Argument<string>("dump")
        {
            Description = "The dump (iptables-save, iptables -S or iptables -L text; detected), or - for standard input.",
        };

        public readonly Option<string[]> LocalAddresses = new Option<string[]>("--local-address")
        {
            Description = "An address of the node (repeat for several), used for NodePort and local-traffic traces.",
            HelpName = "IP",
        };

        public readonly Option<bool> Json = CommonOptions.Json("the explanation");

        public readonly Option<bool> Lenient = CommonOptions.Lenient();
    }
}
