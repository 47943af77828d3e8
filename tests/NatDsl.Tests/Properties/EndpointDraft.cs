using System.Collections.Generic;

namespace NatDsl.Tests.Properties;

/// <summary>One generated endpoint: address, served ports by name, conditions and node.</summary>
public sealed record EndpointDraft(string Address, IReadOnlyList<KeyValuePair<string, int>> Ports, bool Ready, bool Serving, bool Terminating, string? Node);
