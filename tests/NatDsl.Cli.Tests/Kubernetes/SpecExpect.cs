using System.Linq;
using NatDsl.Model;
using NatDsl.Spec;
using NUnit.Framework;

namespace NatDsl.Cli.Tests.Kubernetes;

/// <summary>Small constructors and lookups for asserting specs.</summary>
internal static class SpecExpect
{
    public static ServiceSpec Service(ClusterSpec spec, string fullName)
    {
        var service = spec.Services.FirstOrDefault(s => s.FullName == fullName);
        Assert.That(service, Is.Not.Null, "service " + fullName + " is in the spec");
        return service!;
    }

    public static ServicePortSpec Port(string name, Protocol protocol, int port, int targetPort, int nodePort = 0) =>
        new ServicePortSpec { Name = name, Protocol = protocol, Port = port, TargetPort = targetPort, NodePort = nodePort };

    public static EndpointPortSpec EndpointPort(string name, int port) => new EndpointPortSpec { Name = name, Port = port };

    public static EndpointSpec Endpoint(string ip, string? node, params EndpointPortSpec[] ports) =>
        new EndpointSpec { Address = IpAddress.Parse(ip), NodeName = node, Ports = ports.ToValueList() };

    public static ValueList<IpAddress> Ips(params string[] ips) => ips.Select(IpAddress.Parse).ToValueList();

    public static ValueList<T> List<T>(params T[] items) => items.ToValueList();
}
