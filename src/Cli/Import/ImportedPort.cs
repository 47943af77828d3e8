using NatDsl.Spec;

namespace NatDsl.Cli.Import;

/// <summary>A service port recovered from a dump.</summary>
/// <param name="Name">The port name ("" for the unnamed port).</param>
/// <param name="Port">The service port.</param>
/// <param name="Protocol">The protocol.</param>
/// <param name="NodePort">The node port, 0 for none.</param>
internal sealed record ImportedPort(string Name, int Port, Protocol Protocol, int NodePort);
