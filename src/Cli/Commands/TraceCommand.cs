using System.CommandLine;
using NatDsl.Analysis.Trace;
using NatDsl.Cli.Presentation;
using NatDsl.Formats.Save;

namespace NatDsl.Cli.Commands;

/// <summary><c>natdsl trace</c>: every possible fate of one packet through a dump's rules, with exact probabilities.</summary>
public static class TraceCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var s = new Symbols();
        var command = new Command("trace",
            "Send one packet (the first of a connection) through the rules of a dump as netfilter would: nat PREROUTING (OUTPUT for\n" +
            "a local source), routing, the filter verdict, nat POSTROUTING. Prints every possible outcome with its exact probability\n" +
            "(statistic matches branch), the destination after DNAT, masquerade, the verdict, and the rules on each path.\n\n" +
            "Examples:\n" +
            "  natdsl trace node1.txt --src 10.254.98.9 --dst 10.254.82.218:8088\n" +
            "  natdsl trace node1.rules --src 192.168.1.20 --dst 192.168.1.150:34573 --local-address 192.168.1.150\n" +
            "  natdsl trace node1.rules --src 10.0.0.5 --dst 10.96.0.10:53 --proto udp --json");
        command.Arguments.Add(s.Input);
        CompletionCommand.Files(s.Input);
        s.Protocol.CompletionSources.Add("tcp", "udp", "sctp");
        foreach (var option in new Option[] { s.Source, s.Destination, s.Protocol, s.LocalAddresses, s.InInterface, s.Json, s.Lenient }) command.Options.Add(option);
        command.SetAction(parse => CommandRunner.Run(parse, progress => Execute(s, parse, progress)));
        return command;
    }

    private static int Execute(Symbols s, ParseResult parse, ProgressReporter progress)
    {
        var (source, sourcePort) = AddressArguments.Endpoint("--src", parse.GetValue(s.Source), portRequired: false);
        var (destination, destinationPort) = AddressArguments.Endpoint("--dst", parse.GetValue(s.Destination), portRequired: true);
        var protocolName = parse.GetValue(s.Protocol);
        var protocol = protocolName switch
        {
            "tcp" => 6,
            "udp" => 17,
            "sctp" => 132,
            _ => throw new UserInputException("--proto: unknown protocol \"" + protocolName + "\" (expected tcp, udp or sctp)"),
        };
        var locals = AddressArguments.Addresses("--local-address", parse.GetValue(s.LocalAddresses));
        var dump = DumpInput.Read(parse.GetValue(s.Input)!, parse.GetValue(s.Lenient), progress: progress);
        var family = dump.RuleSet.Family;
        AddressArguments.RequireFamily("--src", source, family);
        AddressArguments.RequireFamily("--dst", destination, family);
        foreach (var local in locals) AddressArguments.RequireFamily("--local-address", local, family);

        var packet = new Packet
        {
            Source = source,
            SourcePort = sourcePort ?? 40000,
            Destination = destination,
            DestinationPort = destinationPort ?? 0,
            Protocol = protocol,
            InInterface = parse.GetValue(s.InInterface),
        };
        TraceResult result;
        using (progress.Begin("tracing the packet"))
        {
            result = PacketTracer.Trace(dump.RuleSet, packet, new TraceOptions { LocalAddresses = locals });
        }
        OutputFiles.Write(null, parse.GetValue(s.Json)
            ? TracePresenter.Json(result, SaveRenderer.RenderRule)
            : TracePresenter.Text(result, SaveRenderer.RenderRule));
        return ExitCodes.Success;
    }

    /// <summary>The arguments and options of one instance of the command.</summary>
    private sealed class Symbols
    {
        public readonly Argument<string> Input = new Argument<string>("dump")
        {
            Description = "The dump (iptables-save, iptables -S or iptables -L text; detected), or - for standard input.",
        };

        public readonly Option<string> Source = new Option<string>("--src")
        {
            Description = "The packet's source address, optionally with a port (IP or IP:PORT; default port 40000).",
            HelpName = "IP[:PORT]",
            Required = true,
        };

        public readonly Option<string> Destination = new Option<string>("--dst")
        {
            Description = "The packet's destination (IP:PORT, IPv6 [IP]:PORT).",
            HelpName = "IP:PORT",
            Required = true,
        };

        public readonly Option<string> Protocol = new Option<string>("--proto")
        {
            Description = "The protocol: tcp, udp or sctp.",
            HelpName = "tcp|udp|sctp",
            DefaultValueFactory = _ => "tcp",
        };

        public readonly Option<string[]> LocalAddresses = new Option<string[]>("--local-address")
        {
            Description = "An address of the node (repeat for several): addrtype LOCAL matches it, a packet from it is locally generated, to it is delivered locally. A dump does not say the node's addresses: without this option none is local.",
            HelpName = "IP",
        };

        public readonly Option<string?> InInterface = new Option<string?>("--in-interface")
        {
            Description = "The interface the packet arrives on (default: one that no rule names).",
            HelpName = "NAME",
        };

        public readonly Option<bool> Json = CommonOptions.Json("the result");

        public readonly Option<bool> Lenient = CommonOptions.Lenient();
    }
}
