using System.Collections.Generic;

namespace NatDsl.Cli.Import;

/// <summary>An endpoint recovered from a dump: its address, the ports it serves by service port name, and its node if local.</summary>
/// <param name="Address">The address (canonical text).</param>
/// <param name="Node">The node name when the rules show it is on this node, else null.</param>
/// <param name="Ports">(service port name, endpoint port), in service port order.</param>
internal sealed record ImportedEndpoint(string Address, string? Node, IReadOnlyList<KeyValuePair<string, int>> Ports);
