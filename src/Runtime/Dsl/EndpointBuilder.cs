using System.Collections.Generic;

namespace NatDsl.Dsl;

/// <summary>Declares one endpoint: its ports by service port name, its node and its conditions.</summary>
public sealed class EndpointBuilder
{
    internal List<KeyValuePair<string, int>> PortList { get; } = new List<KeyValuePair<string, int>>();

    internal string? NodeName { get; private set; }

    internal bool IsReady { get; private set; } = true;

    internal bool IsServing { get; private set; } = true;

    internal bool IsTerminating { get; private set; }

    /// <summary>The endpoint serves service port <paramref name="name"/> on <paramref name="port"/> (<c>ports[].name</c>, <c>ports[].port</c>).</summary>
    public EndpointBuilder Port(string name, int port)
    {
        PortList.Add(new KeyValuePair<string, int>(name, port));
        return this;
    }

    /// <summary>The endpoint serves the unnamed service port on <paramref name="port"/>.</summary>
    public EndpointBuilder Port(int port) => Port(string.Empty, port);

    /// <summary>The node the endpoint runs on (<c>nodeName</c>).</summary>
    public EndpointBuilder Node(string nodeName)
    {
        NodeName = nodeName;
        return this;
    }

    /// <summary>The <c>conditions.ready</c> flag (default true).</summary>
    public EndpointBuilder Ready(bool ready = true)
    {
        IsReady = ready;
        return this;
    }

    /// <summary>The <c>conditions.serving</c> flag (default true).</summary>
    public EndpointBuilder Serving(bool serving = true)
    {
        IsServing = serving;
        return this;
    }

    /// <summary>The <c>conditions.terminating</c> flag (default false).</summary>
    public EndpointBuilder Terminating(bool terminating = true)
    {
        IsTerminating = terminating;
        return this;
    }
}
