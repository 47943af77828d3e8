using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace NatDsl.Tests.Kernel;

/// <summary>
/// Opens many connections from a namespace to one destination, each from its own explicit source
/// port (so each is a new conntrack entry and a new load-balancing draw), bounded in count, in
/// concurrency and in time, and records what each endpoint answered.
/// </summary>
public static class Prober
{
    private static readonly TimeSpan ConnectionLimit = TimeSpan.FromSeconds(2);
    private const int Concurrency = 8;

    /// <summary>
    /// Opens <paramref name="count"/> connections of <paramref name="protocol"/> from
    /// <paramref name="source"/> ports <paramref name="firstPort"/>… to <paramref name="destination"/>:<paramref name="port"/>,
    /// stopping new ones after <paramref name="deadline"/>.
    /// </summary>
    public static ProbeRun Run(NamespaceThread client, ProtocolType protocol, string source, int firstPort, int count, string destination, int port, TimeSpan deadline)
    {
        if (count > 5000) throw new ArgumentOutOfRangeException(nameof(count), "bounded to 5000 connections");
        var observations = new ConcurrentBag<Observation>();
        var failures = new ConcurrentBag<string>();
        var from = IPAddress.Parse(source);
        var to = new IPEndPoint(IPAddress.Parse(destination), port);
        var clock = Stopwatch.StartNew();
        var next = -1;
        var workers = new Task[Concurrency];
        for (var w = 0; w < workers.Length; w++)
        {
            workers[w] = Task.Run(async () =>
            {
                int i;
                while ((i = Interlocked.Increment(ref next)) < count)
                {
                    var local = new IPEndPoint(from, firstPort + i);
                    if (clock.Elapsed > deadline)
                    {
                        failures.Add(Text(local.Port) + ": not tried, deadline of " + deadline + " passed");
                        continue;
                    }
                    try
                    {
                        var observation = protocol == ProtocolType.Tcp
                            ? await Tcp(client, local, to).ConfigureAwait(false)
                            : await Udp(client, local, to).ConfigureAwait(false);
                        observations.Add(observation);
                    }
                    catch (Exception e) when (e is SocketException or OperationCanceledException or FormatException)
                    {
                        failures.Add(Text(local.Port) + ": " + e.GetType().Name + " " + e.Message);
                    }
                }
            });
        }
        if (!Task.WaitAll(workers, deadline + TimeSpan.FromSeconds(10))) failures.Add("workers did not finish");
        return new ProbeRun(observations.ToArray(), failures.ToArray(), clock.ElapsedMilliseconds);
    }

    private static async Task<Observation> Tcp(NamespaceThread client, IPEndPoint local, IPEndPoint to)
    {
        using var socket = await client.InvokeAsync(() => new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp)).ConfigureAwait(false);
        using var limit = new CancellationTokenSource(ConnectionLimit);
        socket.Bind(local);
        await socket.ConnectAsync(to, limit.Token).ConfigureAwait(false);
        var buffer = new byte[256];
        var length = 0;
        while (length < buffer.Length)
        {
            var n = await socket.ReceiveAsync(new ArraySegment<byte>(buffer, length, buffer.Length - length), SocketFlags.None, limit.Token).ConfigureAwait(false);
            if (n == 0) break;
            length += n;
        }
        return Parse(local.Port, buffer, length, socket.RemoteEndPoint);
    }

    private static async Task<Observation> Udp(NamespaceThread client, IPEndPoint local, IPEndPoint to)
    {
        using var socket = await client.InvokeAsync(() => new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp)).ConfigureAwait(false);
        socket.Bind(local);
        var buffer = new byte[256];
        var request = Encoding.ASCII.GetBytes("?");
        // A lost datagram is sent again from the same port: the same conntrack entry, the same draw.
        for (var attempt = 0; ; attempt++)
        {
            await socket.SendToAsync(request, SocketFlags.None, to).ConfigureAwait(false);
            using var limit = new CancellationTokenSource(TimeSpan.FromMilliseconds(700));
            try
            {
                var received = await socket.ReceiveFromAsync(buffer, SocketFlags.None, new IPEndPoint(IPAddress.Any, 0), limit.Token).ConfigureAwait(false);
                return Parse(local.Port, buffer, received.ReceivedBytes, received.RemoteEndPoint);
            }
            catch (OperationCanceledException) when (attempt < 2)
            {
            }
        }
    }

    private static Observation Parse(int sourcePort, byte[] buffer, int length, EndPoint? replyFrom)
    {
        var text = Encoding.ASCII.GetString(buffer, 0, length).Trim();
        var parts = text.Split(' ');
        if (parts.Length != 2) throw new FormatException("unexpected answer \"" + text + "\"");
        return new Observation(sourcePort, parts[0], parts[1], replyFrom?.ToString() ?? string.Empty);
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
