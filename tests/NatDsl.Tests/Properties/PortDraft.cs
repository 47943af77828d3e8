using NatDsl.Spec;

namespace NatDsl.Tests.Properties;

/// <summary>One generated service port.</summary>
public sealed record PortDraft(string Name, int Port, Protocol Protocol, int NodePort, int TargetPort);
