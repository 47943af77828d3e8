using System;
using System.Collections.Generic;
using System.Globalization;
using k8s.Models;
using NatDsl.Model;
using NatDsl.Spec;

namespace NatDsl.Cli.Kubernetes;

/// <summary>
/// Adds the endpoints of an EndpointSlice to its service the way kube-proxy's EndpointSlice
/// cache does: only <c>addresses[0]</c> of each endpoint, ports matched to service ports by name
/// and protocol (a port without name or number is dropped), conditions with kube-proxy's
/// defaults (ready and serving unless false, terminating only when true), and <c>nodeName</c>.
/// </summary>
internal static class EndpointSliceTranslator
{
    public static void AddTo(ServiceDraft service, LocatedObject<V1EndpointSlice> located, string sliceName, IpFamily family, List<SkippedObject> skipped)
    {
        var slice = located.Value;
        void Skip(string reason) => skipped.Add(new SkippedObject("EndpointSlice", sliceName, located.Location, reason));

        var ports = new List<EndpointPortSpec>();
        var sliceports = slice.Ports ?? Array.Empty<Discoveryv1EndpointPort>();
        for (var i = 0; i < sliceports.Count; i++)
        {
            var port = sliceports[i];
            var path = "ports[" + Text(i) + "]";
            if (port is null) continue;
            if (port.Name is null)
            {
                Skip(path + " has no name (kube-proxy drops it)");
                continue;
            }
            if (port.Port is not int number || number == 0)
            {
                Skip(path + " (" + Quote(port.Name) + ") has no port number (kube-proxy drops it)");
                continue;
            }
            var protocol = KubernetesValues.Protocol(port.Protocol);
            if (protocol is null || service.FindPort(port.Name, protocol.Value) is null)
            {
                Skip(path + " (" + Quote(port.Name) + " " + (port.Protocol ?? "TCP") + ") matches no port of Service " + service.FullName);
                continue;
            }
            ports.Add(new EndpointPortSpec { Name = port.Name, Port = number });
        }
        if (ports.Count == 0)
        {
            Skip("no port matches a port of Service " + service.FullName + ": no endpoints from it");
            return;
        }
        var portList = ports.ToValueList();

        var endpoints = slice.Endpoints ?? Array.Empty<V1Endpoint>();
        for (var i = 0; i < endpoints.Count; i++)
        {
            var endpoint = endpoints[i];
            var path = "endpoints[" + Text(i) + "]";
            if (endpoint?.Addresses is not { Count: > 0 })
            {
                Skip(path + " has no address");
                continue;
            }
            var ip = Addresses.Ip(endpoint.Addresses[0]);
            if (ip is null)
            {
                Skip(path + ".addresses[0] \"" + endpoint.Addresses[0] + "\" is not an IP address");
                continue;
            }
            if (ip.Value.Family != family)
            {
                Skip(path + ".addresses[0] " + ip.Value + " is not " + KubernetesValues.FamilyName(family) + " though the slice's addressType is");
                continue;
            }
            var conditions = endpoint!.Conditions;
            service.Endpoints.Add(new EndpointSpec
            {
                Address = ip.Value,
                Ports = portList,
                Ready = conditions?.Ready ?? true,
                Serving = conditions?.Serving ?? true,
                Terminating = conditions?.Terminating ?? false,
                NodeName = string.IsNullOrEmpty(endpoint.NodeName) ? null : endpoint.NodeName,
            });
        }
    }

    private static string Quote(string text) => "\"" + text + "\"";

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
