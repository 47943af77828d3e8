using System.Collections.Generic;

namespace NatDsl.Cli.Import;

/// <summary>
/// How a service's endpoints are declared: <c>Endpoints(port, addresses…)</c> for endpoints that
/// serve every service port on one port and are not local (<see cref="Detailed"/> null), or one
/// <c>Endpoint(address, e => …)</c> (<see cref="Detailed"/> set).
/// </summary>
/// <param name="Port">The one port of the compact form.</param>
/// <param name="Addresses">The addresses of the compact form.</param>
/// <param name="Detailed">The endpoint of the detailed form.</param>
internal sealed record EndpointGroup(int Port, IReadOnlyList<string> Addresses, ImportedEndpoint? Detailed);
