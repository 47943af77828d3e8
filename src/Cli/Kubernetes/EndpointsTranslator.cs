using System;
using System.Collections.Generic;
using System.Globalization;
using k8s.Models;
using NatDsl.Model;
using NatDsl.Spec;

namespace NatDsl.Cli.Kubernetes;

/// <summary>
/// Adds the endpoints of a <c>v1 Endpoints</c> object to its service, as kube-proxy 1.12–1.16
/// read them: <c>addresses</c> are ready, <c>notReadyAddresses</c> are not (the v1.12 profile
/// then leaves them out), ports matched to service ports by name and protocol.
/// </summary>
internal static class EndpointsTranslator
{
    public static void AddTo(ServiceDraft service, LocatedObject<V1Endpoints> located, string name, IpFamily family, List<SkippedObject> skipped)
    {
        void Skip(string reason) => skipped.Add(new SkippedObject("Endpoints", name, located.Location, reason));

        var subsets = located.Value.Subsets ?? Array.Empty<V1EndpointSubset>();
        for (var s = 0; s < subsets.Count; s++)
        {
            var subset = subsets[s];
            if (subset is null) continue;
            var path = "subsets[" + Text(s) + "]";
            var ports = new List<EndpointPortSpec>();
            var subsetPorts = subset.Ports ?? Array.Empty<Corev1EndpointPort>();
            for (var i = 0; i < subsetPorts.Count; i++)
            {
                var port = subsetPorts[i];
                if (port is null) continue;
                var portName = port.Name ?? string.Empty;
                var protocol = KubernetesValues.Protocol(port.Protocol);
                if (port.Port == 0 || protocol is null || service.FindPort(portName, protocol.Value) is null)
                {
                    Skip(path + ".ports[" + Text(i) + "] (\"" + portName + "\" " + (port.Protocol ?? "TCP") + ") matches no port of Service " + service.FullName);
                    continue;
                }
                ports.Add(new EndpointPortSpec { Name = portName, Port = port.Port });
            }
            if (ports.Count == 0) continue;
            var portList = ports.ToValueList();
            Add(service, subset.Addresses, ready: true, portList, family, path + ".addresses", Skip);
            Add(service, subset.NotReadyAddresses, ready: false, portList, family, path + ".notReadyAddresses", Skip);
        }
    }

    private static void Add(ServiceDraft service, IList<V1EndpointAddress>? addresses, bool ready, ValueList<EndpointPortSpec> ports, IpFamily family, string path, Action<string> skip)
    {
        if (addresses is null) return;
        for (var i = 0; i < addresses.Count; i++)
        {
            if (addresses[i] is null) continue;
            var ip = Addresses.Ip(addresses[i].Ip);
            if (ip is null)
            {
                skip(path + "[" + Text(i) + "].ip \"" + addresses[i].Ip + "\" is not an IP address");
                continue;
            }
            if (ip.Value.Family != family) continue;
            service.Endpoints.Add(new EndpointSpec
            {
                Address = ip.Value,
                Ports = ports,
                Ready = ready,
                Serving = ready,
                NodeName = string.IsNullOrEmpty(addresses[i].NodeName) ? null : addresses[i].NodeName,
            });
        }
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
